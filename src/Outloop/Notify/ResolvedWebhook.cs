namespace Outloop.Notify;

/// <summary>A webhook with its <c>${ENV}</c> references expanded, ready to send to; <see cref="Source"/> is where it was configured.</summary>
internal sealed record ResolvedWebhook(Uri Url, string Format, IReadOnlyDictionary<string, string> Headers, string? Secret, string Source);
