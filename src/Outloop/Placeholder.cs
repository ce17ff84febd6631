namespace Outloop; internal static class Placeholder { }
