using OpenCvSharp;

namespace QueueKiosk.Devices.Camera.Analytics;

/// <summary>
/// Camera analytics of one camera, pure: small gray frames in (the analysis stream ffmpeg already
/// makes for the motion level, <see cref="MotionMeter.FrameWidth"/> x <see cref="MotionMeter.FrameHeight"/>),
/// figures out. Each seat and the waiting area has its own OpenCV MOG2 background model: a seat is
/// taken when enough of its region differs from the learned empty scene; people in the waiting
/// area are the foreground blobs of a person's size. Background subtraction was chosen over the HOG
/// people detector (hardware-docs/cameras.md, with the measurement and its limits): HOG's 64x128
/// window does not fit these frames, and on larger ones it costs 35-240 times more per frame.
/// Not thread-safe: one caller feeds the frames in order.
/// </summary>
public sealed class SceneAnalyzer : IDisposable
{
    private readonly AnalyzerSettings _settings;
    private readonly int _width;
    private readonly int _height;
    private readonly Mat _frame;
    private readonly Mat _smooth = new();
    private readonly Mat _noiseKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private readonly Mat _bodyKernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(5, 5));
    private readonly Seat[] _seats;
    private readonly Area? _hall;
    private long _frames;

    public SceneAnalyzer(SceneLayout layout, AnalyzerSettings? settings = null, int width = MotionMeter.FrameWidth, int height = MotionMeter.FrameHeight)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _settings = settings ?? new AnalyzerSettings();
        _width = width;
        _height = height;
        _frame = new Mat(height, width, MatType.CV_8UC1);
        _seats = [.. layout.Seats.Select(s => new Seat(s.Key, ToRect(s.Region)))];
        _hall = layout.Hall is { } hall ? new Area(ToRect(hall)) : null;
    }

    /// <summary>Analyses the next frame: width x height bytes, one gray byte per pixel, row by row.</summary>
    public FrameFigures Analyze(ReadOnlySpan<byte> grayFrame)
    {
        if (grayFrame.Length != _width * _height)
            throw new ArgumentException($"An analysis frame has {_width * _height} bytes, got {grayFrame.Length}.", nameof(grayFrame));
        CopyIntoFrame(grayFrame);
        // A light blur takes off sensor noise and compression blocks, which would otherwise count as change.
        Cv2.GaussianBlur(_frame, _smooth, new Size(3, 3), 0);
        var warming = _frames < _settings.WarmUpFrames;
        _frames++;

        var seats = new SeatFigure[_seats.Length];
        for (var i = 0; i < _seats.Length; i++)
            seats[i] = AnalyzeSeat(_seats[i], warming);

        int? hallPeople = null;
        if (_hall is { } hall)
        {
            var people = CountPeople(hall, warming);
            hallPeople = warming ? null : people;
        }
        return new FrameFigures(seats, hallPeople);
    }

    public void Dispose()
    {
        foreach (var seat in _seats)
            seat.Dispose();
        _hall?.Dispose();
        _frame.Dispose();
        _smooth.Dispose();
        _noiseKernel.Dispose();
        _bodyKernel.Dispose();
    }

    private SeatFigure AnalyzeSeat(Seat seat, bool warming)
    {
        // While the seat is taken the model learns slowly, so a seated officer does not fade into the
        // empty scene within minutes; while it is empty it follows the light quickly.
        var rate = warming ? WarmUpRate : LearningRate(seat.Present ? _settings.StillPersonMinutes * 60 : _settings.EmptySceneSeconds);
        var mask = seat.Foreground(_smooth, rate);
        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, _noiseKernel);
        var share = Cv2.CountNonZero(mask) / (double)(seat.Rect.Width * seat.Rect.Height);
        if (warming)
            seat.Present = false;
        else if (seat.Present ? share < _settings.AbsentShare : share >= _settings.PresentShare)
            seat.Present = !seat.Present;
        return new SeatFigure(seat.Key, seat.Present, Math.Round(share, 3));
    }

    private int CountPeople(Area hall, bool warming)
    {
        var mask = hall.Foreground(_smooth, warming ? WarmUpRate : LearningRate(_settings.HallStillMinutes * 60));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, _noiseKernel);
        // Closing joins a body's parts (head, trunk, legs) into one blob.
        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, _bodyKernel);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(mask, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var minArea = _settings.PersonMinShare * _width * _height;
        var people = 0;
        for (var label = 1; label < count; label++) // label 0 is the background
        {
            if (stats.At<int>(label, (int)ConnectedComponentsTypes.Area) >= minArea)
                people++;
        }
        return people;
    }

    private const double WarmUpRate = 0.5;

    /// <summary>
    /// The per-frame rate at which a change is absorbed after about <paramref name="seconds"/>: MOG2 (with
    /// its default background ratio 0.9) takes a new look as background once its weight passes 0.1.
    /// </summary>
    private double LearningRate(double seconds) => Math.Min(1, 0.1 / Math.Max(1, seconds * _settings.FramesPerSecond));

    private unsafe void CopyIntoFrame(ReadOnlySpan<byte> grayFrame) =>
        grayFrame.CopyTo(new Span<byte>((void*)_frame.Data, grayFrame.Length));

    private Rect ToRect(NormalizedRegion region)
    {
        var (x, y, w, h) = region.ToPixels(_width, _height);
        return new Rect(x, y, w, h);
    }

    /// <summary>A region with its own background model.</summary>
    private class Area(Rect rect) : IDisposable
    {
        private readonly BackgroundSubtractorMOG2 _model = BackgroundSubtractorMOG2.Create(history: 500, varThreshold: 16, detectShadows: false);
        private readonly Mat _mask = new();

        public Rect Rect { get; } = rect;

        public Mat Foreground(Mat frame, double learningRate)
        {
            using var crop = new Mat(frame, Rect);
            _model.Apply(crop, _mask, learningRate);
            return _mask;
        }

        public void Dispose()
        {
            _model.Dispose();
            _mask.Dispose();
        }
    }

    private sealed class Seat(string key, Rect rect) : Area(rect)
    {
        public string Key { get; } = key;

        public bool Present { get; set; }
    }
}
