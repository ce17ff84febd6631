using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Outloop.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task ServerAnswersItsHealthCheck()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var health = await client.GetFromJsonAsync<Dictionary<string, string>>("/health", TestContext.Current.CancellationToken);

        Assert.Equal("ok", health!["status"]);
    }
}
