namespace Outloop.Configuration;

/// <summary>The types a configuration value can have.</summary>
internal enum ConfigType
{
    Integer,
    Number,
    Text,
    Boolean,
    NumberList,
}
