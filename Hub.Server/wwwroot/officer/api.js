// Calls Hub.Server's REST API with the sign-in cookie; turns every failure into one Vietnamese
// sentence (the API's ProblemDetails text when it sent one).
"use strict";

window.QkApi = (function () {
  class ApiError extends Error {
    constructor(status, message, code) {
      super(message);
      this.status = status;
      this.code = code || null;
    }
  }

  const statusText = {
    400: "Yêu cầu không hợp lệ.",
    401: "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
    403: "Bạn không có quyền thực hiện thao tác này.",
    404: "Không tìm thấy dữ liệu.",
    409: "Thao tác không thực hiện được ở trạng thái hiện tại.",
    423: "Tài khoản đang bị khoá tạm thời.",
    429: "Thao tác quá nhanh, vui lòng thử lại sau giây lát.",
  };

  async function request(method, url, body) {
    let response;
    try {
      response = await fetch(url, {
        method,
        credentials: "same-origin",
        headers: body === undefined ? { "Accept-Language": "vi" } : { "Content-Type": "application/json", "Accept-Language": "vi" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.");
    }

    if (response.status === 204) return null;
    const text = await response.text();
    let data;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const problem = data && (data.detail || data.title);
      const fieldErrors = data && data.errors ? Object.values(data.errors).flat().join(" ") : "";
      throw new ApiError(
        response.status,
        [problem, fieldErrors].filter(Boolean).join(" ") || statusText[response.status] || `Máy chủ báo lỗi ${response.status}.`,
        data && data.code,
      );
    }
    return data;
  }

  return {
    ApiError,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body === undefined ? {} : body),
  };
})();
