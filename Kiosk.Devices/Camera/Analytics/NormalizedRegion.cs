namespace QueueKiosk.Devices.Camera.Analytics;

/// <summary>
/// A rectangle of the camera image in fractions of its width and height (0..1), so a region keeps
/// its place whatever the analysis size: X, Y is the top-left corner.
/// </summary>
public sealed record NormalizedRegion(double X, double Y, double Width, double Height)
{
    public static readonly NormalizedRegion Whole = new(0, 0, 1, 1);

    /// <summary>True when the rectangle lies inside the image and is not empty.</summary>
    public bool IsValid =>
        X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= 1.0000001 && Y + Height <= 1.0000001;

    /// <summary>The pixel rectangle in an image of the given size, at least 1x1, clipped to the image.</summary>
    public (int X, int Y, int Width, int Height) ToPixels(int imageWidth, int imageHeight)
    {
        var x = Math.Clamp((int)Math.Round(X * imageWidth), 0, imageWidth - 1);
        var y = Math.Clamp((int)Math.Round(Y * imageHeight), 0, imageHeight - 1);
        var w = Math.Clamp((int)Math.Round(Width * imageWidth), 1, imageWidth - x);
        var h = Math.Clamp((int)Math.Round(Height * imageHeight), 1, imageHeight - y);
        return (x, y, w, h);
    }
}
