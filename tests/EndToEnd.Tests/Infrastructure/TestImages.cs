namespace QueueKiosk.EndToEnd.Tests.Infrastructure;

/// <summary>Pictures the tests upload, as bytes.</summary>
public static class TestImages
{
    /// <summary>A 2x1 PNG, one red and one blue pixel (a site logo).</summary>
    public static readonly byte[] Png2x1 = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==");
}
