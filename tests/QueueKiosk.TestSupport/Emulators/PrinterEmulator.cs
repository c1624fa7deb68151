using System.Net;
using System.Net.Sockets;
using System.Text;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Transports;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.TestSupport.Emulators;

/// <summary>
/// A thermal printer for tests, on a real TCP socket (127.0.0.1, free port) or on one end of a
/// socat pty pair. It records every byte that is not a status request, answers DLE EOT n from
/// <see cref="State"/>, and can be unplugged (sockets closed and new connections dropped, or
/// socat killed so the pty vanishes), go silent (a dead link that still accepts bytes) or be slow.
/// Like a real printer it keeps bytes received while out of paper.
/// </summary>
public sealed class PrinterEmulator : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly MemoryStream _received = new();
    private readonly List<Socket> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private TcpListener? _listener;
    private SocatPtyPair? _pty;
    private SerialStream? _ptyEnd;
    private int _port;
    private bool _unplugged;

    public PrinterStatus State { get; set; } = PrinterStatus.Online;

    /// <summary>When true the printer neither reads nor answers (a dead link whose socket stays open).</summary>
    public bool Silent { get; set; }

    /// <summary>Throttles reading to about this many bytes per second; 0 = as fast as they come.</summary>
    public int BytesPerSecond { get; set; }

    public int StatusRequestsAnswered { get; private set; }

    /// <summary>How many TCP connections were accepted.</summary>
    public int Connections { get; private set; }

    public int Port => _port;

    /// <summary>The pty end the code under test opens.</summary>
    public string? PtyPath => _pty?.PathB;

    public byte[] Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public string ReceivedText => Encoding.ASCII.GetString(Received);

    public static PrinterEmulator StartTcp()
    {
        var emulator = new PrinterEmulator();
        emulator.Listen(0);
        return emulator;
    }

    public static PrinterEmulator StartPty(int baud)
    {
        var emulator = new PrinterEmulator { _pty = new SocatPtyPair() };
        emulator.OpenPty(baud);
        return emulator;
    }

    /// <summary>Unplugs the cable: TCP sockets are closed and new connections dropped at once; the pty vanishes.</summary>
    public void PullCable()
    {
        lock (_lock)
        {
            // The listener stays bound (new connections are closed at once) so no other test
            // can take the port before the cable is plugged back.
            _unplugged = true;
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }

        if (_pty is not null)
        {
            _ptyEnd?.Dispose();
            _ptyEnd = null;
            _pty.Unplug();
        }
    }

    public void PlugCable(int baud = 9600)
    {
        if (_pty is not null)
        {
            _pty.Replug();
            OpenPty(baud);
        }
        else
        {
            lock (_lock)
            {
                _unplugged = false;
            }
        }
    }

    /// <summary>Closes open connections but keeps listening, as a printer does with idle clients.</summary>
    public void DropConnections()
    {
        lock (_lock)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        PullCable();
        lock (_lock)
        {
            _listener?.Stop();
            _listener = null;
        }

        try
        {
            await Task.WhenAll(_tasks).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or TimeoutException)
        {
            // the serving loops end with the links they served
        }

        _pty?.Dispose();
        _stop.Dispose();
    }

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Server.ReceiveBufferSize = 4096; // printers advertise small TCP windows
        listener.Start();
        _port = ((IPEndPoint)listener.LocalEndpoint).Port;
        lock (_lock)
        {
            _listener = listener;
        }

        _tasks.Add(Task.Run(() => AcceptLoop(listener)));
    }

    private async Task AcceptLoop(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            lock (_lock)
            {
                if (_unplugged)
                {
                    client.LingerState = new LingerOption(true, 0);
                    client.Dispose();
                    continue;
                }

                _clients.Add(client);
                Connections++;
            }

            _tasks.Add(Task.Run(() => Serve(new NetworkStream(client, ownsSocket: false))));
        }
    }

    private void OpenPty(int baud)
    {
        _ptyEnd = SerialPortStream.Open(new SerialPortSettings(_pty!.PathA)
        {
            BaudRate = baud,
            ReadTimeout = TimeSpan.FromMinutes(10),
            WriteTimeout = TimeSpan.FromSeconds(10),
        });
        var stream = _ptyEnd;
        _tasks.Add(Task.Run(() => Serve(stream)));
    }

    private async Task Serve(Stream link)
    {
        var buffer = new byte[4096];
        var pendingEscape = 0; // bytes of "DLE EOT" seen so far
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (Silent)
                {
                    await Task.Delay(20, _stop.Token);
                    continue;
                }

                var chunk = BytesPerSecond > 0 ? Math.Clamp(BytesPerSecond / 20, 1, buffer.Length) : buffer.Length;
                int read;
                try
                {
                    read = await link.ReadAsync(buffer.AsMemory(0, chunk), _stop.Token);
                }
                catch (TimeoutException)
                {
                    continue;
                }

                if (read == 0)
                {
                    return;
                }

                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (pendingEscape == 0 && b == EscPosBytes.Dle)
                    {
                        pendingEscape = 1;
                    }
                    else if (pendingEscape == 1 && b == EscPosBytes.Eot)
                    {
                        pendingEscape = 2;
                    }
                    else if (pendingEscape == 2)
                    {
                        pendingEscape = 0;
                        await Answer((StatusRequest)b, link);
                    }
                    else
                    {
                        Record(pendingEscape, b);
                        pendingEscape = 0;
                    }
                }

                if (BytesPerSecond > 0)
                {
                    await Task.Delay(50, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // cable pulled or emulator stopped
        }
        finally
        {
            await link.DisposeAsync();
        }
    }

    private async Task Answer(StatusRequest request, Stream link)
    {
        if (Silent)
        {
            return;
        }

        await link.WriteAsync(new[] { DleEotReplies.For(request, State) }, _stop.Token);
        await link.FlushAsync(_stop.Token);
        StatusRequestsAnswered++;
    }

    private void Record(int pendingEscape, byte b)
    {
        lock (_lock)
        {
            if (pendingEscape >= 1)
            {
                _received.WriteByte(EscPosBytes.Dle);
            }

            if (pendingEscape == 2)
            {
                _received.WriteByte(EscPosBytes.Eot);
            }

            _received.WriteByte(b);
        }
    }
}
