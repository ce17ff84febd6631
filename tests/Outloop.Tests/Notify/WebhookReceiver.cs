using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Outloop.Tests.Notify;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 for webhook tests: answers the n-th request (1-based) with
/// <c>status(n)</c> and keeps every request's headers and exact body bytes.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, int> _status;
    private readonly Task _loop;
    private int _count;

    public WebhookReceiver(Func<int, int>? status = null)
    {
        _status = status ?? (_ => 200);
        Port = FreePort();
        Url = $"http://127.0.0.1:{Port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    public string Url { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>A port nothing listens on (taken from the system, then released).</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="count"/> requests came, or <paramref name="timeout"/> passed.</summary>
    public async Task<bool> WaitFor(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Requests.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return Requests.Count >= count;
    }

    public void Dispose()
    {
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // On Linux, closing can try to bind the port again to unregister it, and fail when another test's
            // listener took that port meanwhile ("Address already in use"); the listener is stopped either way.
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var status = _status(Interlocked.Increment(ref _count));
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body.ToArray(), status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
