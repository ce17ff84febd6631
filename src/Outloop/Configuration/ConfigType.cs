namespace Outloop.Configuration;

/// <summary>The types a configuration value can have.</summary>
internal enum ConfigType
{
    Integer,
    Number,
    Text,
    Boolean,
    NumberList,

    /// <summary>The <c>webhooks</c> list: one mapping per webhook (see <see cref="WebhookConfig"/>).</summary>
    WebhookList,
}
