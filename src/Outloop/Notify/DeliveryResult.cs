namespace Outloop.Notify;

/// <summary>How one notification went to one webhook: delivered or not, after how many attempts, the last status or error.</summary>
internal sealed record DeliveryResult(bool Delivered, int Attempts, int? Status, string? Error);
