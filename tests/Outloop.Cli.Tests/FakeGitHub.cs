using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Outloop.Cli.Tests;

/// <summary>
/// A local HTTP server on 127.0.0.1 speaking the two GitHub REST calls issue filing uses: list a repository's
/// issues (label filter, pages of <c>per_page</c>) and create one. It keeps the issues in memory.
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();

    public FakeGitHub()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public List<JsonObject> Issues { get; } = [];

    public List<(string Method, string Path, string? Authorization)> Requests { get; } = [];

    /// <summary>How many of the next create requests answer 502 Bad Gateway.</summary>
    public int FailNextCreates { get; set; }

    private async Task LoopAsync()
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

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        lock (_gate)
        {
            Requests.Add((request.HttpMethod, request.Url.PathAndQuery, request.Headers["Authorization"]));
        }

        string body;
        if (request.Headers["Authorization"] is not { } auth || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            response.StatusCode = 401;
            body = """{"message":"Requires authentication"}""";
        }
        else if (request.HttpMethod == "GET" && path.EndsWith("/issues", StringComparison.Ordinal))
        {
            var label = request.QueryString["labels"];
            var page = int.Parse(request.QueryString["page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            var perPage = int.Parse(request.QueryString["per_page"] ?? "30", System.Globalization.CultureInfo.InvariantCulture);
            var array = new JsonArray();
            lock (_gate)
            {
                foreach (var issue in Issues.Where(i => label is null || i["labels"]!.AsArray().Any(l => l!["name"]!.GetValue<string>() == label))
                    .Skip((page - 1) * perPage).Take(perPage))
                {
                    array.Add(issue.DeepClone());
                }
            }

            body = array.ToJsonString();
        }
        else if (request.HttpMethod == "POST" && path.EndsWith("/issues", StringComparison.Ordinal))
        {
            if (FailNextCreates > 0)
            {
                FailNextCreates--;
                response.StatusCode = 502;
                body = """{"message":"Server Error"}""";
            }
            else
            {
                using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
                var sent = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
                JsonObject created;
                lock (_gate)
                {
                    var number = Issues.Count + 1;
                    var labels = new JsonArray([.. sent["labels"]!.AsArray().Select(l => (JsonNode)new JsonObject { ["name"] = l!.GetValue<string>() })]);
                    created = new JsonObject
                    {
                        ["number"] = number,
                        ["title"] = sent["title"]!.GetValue<string>(),
                        ["body"] = sent["body"]!.GetValue<string>(),
                        ["labels"] = labels,
                        ["state"] = "open",
                        ["html_url"] = $"https://github.com{path[6..^7]}/issues/{number}",
                    };
                    Issues.Add(created);
                }

                response.StatusCode = 201;
                body = created.ToJsonString();
            }
        }
        else
        {
            response.StatusCode = 404;
            body = """{"message":"Not Found"}""";
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
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
            // The loop ends with the listener; an error while stopping does not matter to the test.
        }
    }
}
