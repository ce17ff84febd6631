namespace Outloop.Tests.Notify;

/// <summary>One request a <see cref="WebhookReceiver"/> got, and the status it answered.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status);
