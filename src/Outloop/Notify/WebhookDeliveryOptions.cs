using Outloop.Configuration;

namespace Outloop.Notify;

/// <summary>How a webhook is retried: <see cref="Retries"/> more attempts after the first, waiting <see cref="RetryDelay"/> doubled each time, each attempt cut at <see cref="Timeout"/>.</summary>
internal sealed record WebhookDeliveryOptions(int Retries, TimeSpan RetryDelay, TimeSpan Timeout)
{
    public static WebhookDeliveryOptions From(OutloopConfig config) => new(
        Math.Max(0, config.Integer(ConfigKeys.WebhookRetries)),
        TimeSpan.FromMilliseconds(Math.Max(0, config.Integer(ConfigKeys.WebhookRetryDelayMs))),
        TimeSpan.FromMilliseconds(Math.Max(1, config.Integer(ConfigKeys.WebhookTimeoutMs))));
}
