using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Security;

/// <summary>
/// The OpenAPI document says how to authenticate and what a refusal looks like (issue 15, item 13):
/// the two schemes (X-Device-Key header, the staff cookie), on each operation the scheme its
/// authorization accepts, and the 400/401/403/429 answers (ProblemDetails) it can give. Served
/// in Development and Testing, and in Production only with Security:PublishOpenApi.
/// </summary>
public static class HubOpenApi
{
    public const string DeviceKeyScheme = "DeviceKey";
    public const string CookieScheme = "StaffCookie";
    public const string CookieName = "qk.auth";

    public static IServiceCollection AddHubOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[DeviceKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = HubRoutes.DeviceKeyHeader,
                    Description = "Khóa thiết bị (kiosk, màn hình) do quản trị cấp / a kiosk's or display's device key, issued by an admin.",
                };
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = CookieName,
                    Description = "Cookie đăng nhập của cán bộ (POST " + HubRoutes.Login + ") / the staff sign-in cookie. "
                        + "Writes with the cookie must come from the hub's own Origin.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                Describe(operation, context);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapHubOpenApi(this WebApplication app)
    {
        var publish = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.PublishOpenApi;
        if (publish || app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing"))
        {
            app.MapOpenApi();
        }

        return app;
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        operation.Summary ??= $"{context.Description.HttpMethod} /{context.Description.RelativePath}";
        if (context.Description.ParameterDescriptions.Count > 0)
        {
            Answer(operation, "400", "Giá trị không hợp lệ; ProblemDetails nêu tên trường / a value is not valid; the ProblemDetails names the field.");
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Answer(operation, "429", "Quá nhiều yêu cầu / too many requests from this address.");
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || (policies.Count == 0 && !metadata.OfType<IAuthorizeData>().Any()))
        {
            return;
        }

        Answer(operation, "401", "Chưa đăng nhập hoặc khóa thiết bị sai / not signed in, or an unknown device key.");
        Answer(operation, "403", "Không có quyền / not allowed for this caller (role, site, counter or Origin).");
        operation.Security ??= [];
        foreach (var scheme in SchemesOf(policies))
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }
    }

    /// <summary>Which credentials a policy accepts (Auth/AuthExtensions: staff roles by cookie, devices by key).</summary>
    private static IEnumerable<string> SchemesOf(IReadOnlyList<string?> policies)
    {
        var staffOnly = policies.Any(p => p is Auth.Policies.Staff or Auth.Policies.Supervisor or Auth.Policies.Admin);
        yield return CookieScheme;
        if (!staffOnly)
        {
            yield return DeviceKeyScheme;
        }
    }

    private static void Answer(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType() },
        };
    }
}
