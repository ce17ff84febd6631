using Outloop.Configuration;
using Outloop.Ingestion.Hooks;
using Outloop.Storage;

namespace Outloop.Notify;

/// <summary>
/// Sends every pending notification of the outbox to the webhooks of its project's configuration that want its event,
/// then removes it. A webhook whose <c>${ENV}</c> variable is not set is skipped with a logged reason naming the key and
/// file; a failed delivery (after its retries) is logged and goes back to the outbox for a later round, for the
/// webhooks that failed only, after <see cref="LaterRounds"/> (then it is dropped, logged). Later rounds happen when
/// the outbox is next flushed (the next import, review or Stop hook trigger, or <c>outloop notify</c>). Nothing here
/// throws for a webhook: a dead webhook never fails the review or the import that queued the notification.
/// </summary>
internal sealed class NotificationDispatcher(Outbox outbox, HttpClient http, HookErrorLog log, Func<string, string?> environment, Func<string, OutloopConfig> loadConfig, TimeProvider clock)
{
    /// <summary>The wait before each later round of a failed delivery: 1 minute, 10 minutes, 1 hour, 6 hours.</summary>
    public static readonly IReadOnlyList<TimeSpan> LaterRounds = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    public async Task<DispatchSummary> FlushAsync(CancellationToken cancellationToken)
    {
        var configs = new Dictionary<string, OutloopConfig?>(StringComparer.Ordinal);
        int notifications = 0, delivered = 0, failed = 0, skipped = 0;
        foreach (var (notification, claimed) in outbox.Claim(log, clock.GetUtcNow()))
        {
            notifications++;
            var failedUrls = new List<string>();
            try
            {
                if (!configs.TryGetValue(notification.Project, out var config))
                {
                    config = configs[notification.Project] = Load(notification);
                }

                if (config is null)
                {
                    continue;
                }

                var options = WebhookDeliveryOptions.From(config);
                var hooks = config.Webhooks();
                for (var i = 0; i < hooks.Count; i++)
                {
                    if (!hooks[i].Wants(notification.Event) || notification.Pending?.Contains(hooks[i].Url, StringComparer.Ordinal) == false)
                    {
                        continue;
                    }

                    var webhook = Resolve(hooks[i], i, notification);
                    if (webhook is null)
                    {
                        skipped++;
                        continue;
                    }

                    var result = await new WebhookSender(http, options)
                        .SendAsync(webhook, notification.Id, notification.Event, WebhookPayload.Body(webhook.Format, notification), cancellationToken)
                        .ConfigureAwait(false);
                    if (result.Delivered)
                    {
                        delivered++;
                    }
                    else
                    {
                        failed++;
                        failedUrls.Add(hooks[i].Url);
                        log.Append(clock.GetUtcNow(), $"webhook {Redacted(webhook.Url)} ({ConfigKeys.Webhooks}[{i}], {webhook.Source}) failed for {notification.Event} {notification.Id} after {result.Attempts} attempt(s): {result.Error}");
                    }
                }
            }
            finally
            {
                if (failedUrls.Count > 0)
                {
                    Later(notification, failedUrls);
                }

                Outbox.Done(claimed);
            }
        }

        return new DispatchSummary(notifications, delivered, failed, skipped);
    }

    /// <summary>Puts a notification back for the webhooks that failed, or drops it after the last round, saying so.</summary>
    private void Later(Notification notification, List<string> failedUrls)
    {
        var now = clock.GetUtcNow();
        if (notification.Round >= LaterRounds.Count)
        {
            log.Append(now, $"{notification.Event} {notification.Id} dropped after {notification.Round + 1} rounds: {failedUrls.Count} webhook(s) never answered");
            return;
        }

        var at = now + LaterRounds[notification.Round];
        outbox.Enqueue(notification with { Round = notification.Round + 1, NotBefore = at, Pending = failedUrls });
        log.Append(now, $"{notification.Event} {notification.Id} will be sent again to {failedUrls.Count} webhook(s) from {StoreTime.Format(at)} (round {notification.Round + 2} of {LaterRounds.Count + 1})");
    }

    private OutloopConfig? Load(Notification notification)
    {
        try
        {
            return loadConfig(notification.Project);
        }
        catch (OutloopException e)
        {
            log.Append(clock.GetUtcNow(), $"{notification.Event} {notification.Id} not sent: the configuration of '{notification.Project}' cannot be read ({e.Message})");
            return null;
        }
    }

    private ResolvedWebhook? Resolve(WebhookConfig hook, int index, Notification notification)
    {
        var key = $"{ConfigKeys.Webhooks}[{index}]";
        string? Expand(string text, string field)
        {
            var value = EnvInterpolation.Expand(text, environment, out var missing);
            if (value is null)
            {
                log.Append(clock.GetUtcNow(), $"{key}.{field} ({hook.Source}): environment variable {missing} is not set; webhook skipped for {notification.Event} {notification.Id}");
            }

            return value;
        }

        var url = Expand(hook.Url, "url");
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            log.Append(clock.GetUtcNow(), $"{key}.url ({hook.Source}) is not an http(s) URL once expanded; webhook skipped for {notification.Event} {notification.Id}");
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in hook.Headers)
        {
            if (Expand(value, $"headers.{name}") is not { } expanded)
            {
                return null;
            }

            headers[name] = expanded;
        }

        string? secret = null;
        if (hook.Secret is not null && (secret = Expand(hook.Secret, "secret")) is null)
        {
            return null;
        }

        return new ResolvedWebhook(uri, hook.Format, headers, secret, hook.Source);
    }

    // Webhook URLs often carry their token in the path (Slack's do): the log keeps the host only.
    private static string Redacted(Uri url) => $"{url.Scheme}://{url.Authority}/...";
}
