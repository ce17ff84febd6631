using System.Net.Http.Headers;
using System.Security.Cryptography;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Outloop.Notify;

/// <summary>
/// POSTs one body to one webhook: connection failures, timeouts, 429 and 5xx are retried with exponential back-off
/// (Polly), each attempt under its own timeout. Every attempt carries the same <c>X-Outloop-Delivery</c> id, and with a
/// secret, <c>X-Outloop-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact body bytes. Never throws for
/// a failed delivery: the result says what happened.
/// </summary>
internal sealed class WebhookSender(HttpClient http, WebhookDeliveryOptions options)
{
    public const string DeliveryHeader = "X-Outloop-Delivery";
    public const string EventHeader = "X-Outloop-Event";
    public const string SignatureHeader = "X-Outloop-Signature";

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = Build(options);

    /// <summary>The signature header's value for <paramref name="body"/>: <c>sha256=</c> and the lower-case hex HMAC.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    public async Task<DeliveryResult> SendAsync(ResolvedWebhook webhook, string deliveryId, string eventName, byte[] body, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    using var request = Request(webhook, deliveryId, eventName, body);
                    return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new DeliveryResult(true, attempts, status, null)
                : new DeliveryResult(false, attempts, status, $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException or IOException)
        {
            return new DeliveryResult(false, attempts, null, e is TimeoutRejectedException ? $"no answer within {options.Timeout.TotalMilliseconds:0} ms" : e.Message);
        }
    }

    private static HttpRequestMessage Request(ResolvedWebhook webhook, string deliveryId, string eventName, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("outloop-webhook/1");
        request.Headers.Add(DeliveryHeader, deliveryId);
        request.Headers.Add(EventHeader, eventName);
        if (webhook.Secret is { Length: > 0 } secret)
        {
            request.Headers.Add(SignatureHeader, Signature(secret, body));
        }

        foreach (var (name, value) in webhook.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(WebhookDeliveryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || (int)r.StatusCode == 429),
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            });
        }

        // Inside the retry, so that the timeout limits each attempt rather than all of them together.
        return builder.AddTimeout(options.Timeout < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : options.Timeout).Build();
    }
}
