using System.Text;
using Microsoft.AspNetCore.Http.Features;
using QueueKiosk.Devices.Camera;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// Streams a camera's preview as <c>multipart/x-mixed-replace</c> with one image/jpeg part per
/// frame, which an &lt;img&gt; shows as live video. The viewer's queue drops old frames, so a slow
/// connection sees fewer frames, not older ones, and never holds up the other viewers.
/// </summary>
public sealed class MjpegStreamResult(FrameFanout preview) : IResult
{
    public const string Boundary = "qkframe";
    public const string ContentType = "multipart/x-mixed-replace;boundary=" + Boundary;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store, no-cache, must-revalidate";
        response.Headers.Pragma = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var stopping = httpContext.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var end = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        using var viewer = preview.Subscribe(capacity: 2);
        var lastSent = 0L;
        try
        {
            // The latest picture at once, so a viewer does not wait for the next frame.
            if (preview.Latest is { } first)
            {
                await WritePartAsync(response.Body, first, end.Token);
                lastSent = first.Sequence;
            }
            await foreach (var frame in viewer.Frames.ReadAllAsync(end.Token))
            {
                if (frame.Sequence <= lastSent)
                    continue;
                await WritePartAsync(response.Body, frame, end.Token);
                lastSent = frame.Sequence;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The viewer left or the host is stopping.
        }
    }

    /// <summary>One part: boundary, headers, the JPEG, CRLF.</summary>
    public static async Task WritePartAsync(Stream body, JpegFrame frame, CancellationToken cancellationToken)
    {
        var header = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {frame.Data.Length}\r\n\r\n");
        await body.WriteAsync(header, cancellationToken);
        await body.WriteAsync(frame.Data, cancellationToken);
        await body.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
