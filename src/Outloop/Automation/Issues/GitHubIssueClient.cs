using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace Outloop.Automation.Issues;

/// <summary>
/// The two GitHub REST calls issue filing needs: list a repository's issues with a label (all states, paged) and
/// create one. Server errors (5xx) and connection failures are retried with exponential back-off.
/// </summary>
internal sealed class GitHubIssueClient
{
    public static readonly Uri DefaultApi = new("https://api.github.com/");

    private readonly HttpClient _http;
    private readonly Uri _api;
    private readonly string _token;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public GitHubIssueClient(HttpClient http, Uri api, string token, TimeSpan? retryDelay = null, int retries = 3)
    {
        _http = http;
        _api = api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
        _token = token;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                MaxRetryAttempts = retries,
                Delay = retryDelay ?? TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
    }

    /// <summary>The number and URL of the first issue with <paramref name="label"/> whose body contains <paramref name="marker"/>.</summary>
    public async Task<(int Number, string? Url)?> FindAsync(string repo, string label, string marker, CancellationToken cancellationToken = default)
    {
        for (var page = 1; page <= 50; page++)
        {
            var path = $"repos/{repo}/issues?labels={Uri.EscapeDataString(label)}&state=all&per_page=100&page={page}";
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(_api, path)), cancellationToken).ConfigureAwait(false);
            await EnsureAsync(response, "list issues of " + repo, cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var issue in document.RootElement.EnumerateArray())
            {
                count++;
                if (issue.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String
                    && body.GetString()!.Contains(marker, StringComparison.Ordinal))
                {
                    return (issue.GetProperty("number").GetInt32(), issue.TryGetProperty("html_url", out var url) ? url.GetString() : null);
                }
            }

            if (count < 100)
            {
                return null;
            }
        }

        return null;
    }

    public async Task<(int Number, string? Url)> CreateAsync(string repo, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken = default)
    {
        var payload = new Dictionary<string, object> { ["title"] = title, ["body"] = body, ["labels"] = labels };
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_api, $"repos/{repo}/issues")) { Content = JsonContent.Create(payload) },
            cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "create an issue in " + repo, cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return (root.GetProperty("number").GetInt32(), root.TryGetProperty("html_url", out var url) ? url.GetString() : null);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async ct =>
        {
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("outloop", "1.0"));
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            return await _http.SendAsync(request, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new OutloopException($"GitHub refused to {what}: {(int)response.StatusCode} {response.ReasonPhrase}: {(text.Length > 300 ? text[..300] : text)}"
            + ((int)response.StatusCode is 401 or 403 ? " Check that GITHUB_TOKEN is valid and may write issues." : ""));
    }
}
