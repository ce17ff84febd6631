using Outloop.Patterns.Templates;

namespace Outloop.Tests.Patterns.Templates;

public sealed class TemplateMinerTests
{
    [Fact]
    public void NumbersIdsAddressesAndPathsAreMasked()
    {
        var miner = new TemplateMiner();
        miner.Add("Received block blk_-3544583377289625738 of size 67108864 from /10.250.19.102");

        var template = Assert.Single(miner.Templates);
        Assert.Equal("Received block <*> of size <*> from <*>", template.Text);
    }

    [Fact]
    public void HostPortAndKeyValueKeepTheirShape()
    {
        var miner = new TemplateMiner();
        miner.Add("Retrying connect to server: msra-sa-41:8030. Already tried 3 time(s); maxRetries=10");

        Assert.Equal("Retrying connect to server: <*>:<*>. Already tried <*> time(s); maxRetries=<*>", miner.Templates[0].Text);
    }

    [Fact]
    public void WordsGluedToADigitStayPartOfTheTemplate()
    {
        var miner = new TemplateMiner();
        miner.Add("jk2_init() Found child 6725 in scoreboard slot 10");

        Assert.Equal("jk2_init() Found child <*> in scoreboard slot <*>", miner.Templates[0].Text);
    }

    [Fact]
    public void LinesOfOneEventWithDifferentNamesShareATemplate()
    {
        var miner = new TemplateMiner();
        miner.Add("session opened for user alice by (uid=0)");
        miner.Add("session opened for user bob by (uid=0)");
        miner.Add("session opened for user carol by (uid=509)");

        var template = Assert.Single(miner.Templates);
        Assert.Equal("session opened for user <*> by (uid=<*>)", template.Text);
        Assert.Equal(3, template.Count);
    }

    [Fact]
    public void DifferentEventsStaySeparate()
    {
        var miner = new TemplateMiner();
        miner.Add("cupsd startup succeeded");
        miner.Add("cupsd shutdown succeeded");
        miner.Add("Connection reset by peer 10.0.0.1");

        Assert.Equal(3, miner.Templates.Count);
    }

    [Fact]
    public void EnumStatesNameTheEvent()
    {
        var miner = new TemplateMiner();
        miner.Add("attempt_1 TaskAttempt Transitioned from NEW to UNASSIGNED");
        miner.Add("attempt_2 TaskAttempt Transitioned from UNASSIGNED to ASSIGNED");
        miner.Add("attempt_3 TaskAttempt Transitioned from NEW to UNASSIGNED");

        Assert.Equal(2, miner.Templates.Count);
        Assert.Equal(miner.TemplateOf(0), miner.TemplateOf(2));
        Assert.NotEqual(miner.TemplateOf(0), miner.TemplateOf(1));
    }

    [Fact]
    public void APositionWithOnlyTwoWordsSplitsIntoTwoTemplatesAtTheEnd()
    {
        var miner = new TemplateMiner();
        miner.Add("Block rdd_1 stored as bytes in memory (estimated size 93.0 B, free 317.1 KB)");
        miner.Add("Block rdd_2 stored as values in memory (estimated size 384.0 B, free 317.5 KB)");
        miner.Add("Block rdd_3 stored as bytes in memory (estimated size 5.2 KB, free 5.2 KB)");

        var texts = miner.Templates.Select(t => t.Text).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "Block <*> stored as bytes in memory (estimated size <*>, free <*>)",
                "Block <*> stored as values in memory (estimated size <*>, free <*>)",
            ],
            texts);
        Assert.Equal(miner.TemplateOf(0), miner.TemplateOf(2));
    }

    [Fact]
    public void EveryLineGetsItsFinalTemplateAfterAllLinesAreIn()
    {
        var miner = new TemplateMiner();
        string[] lines =
        [
            "Deleting block blk_1 file /data/blk_1",
            "PacketResponder 1 for block blk_9 terminating",
            "Deleting block blk_2 file /data/blk_2",
            "PacketResponder 0 for block blk_8 terminating",
            "Deleting block blk_3 file /data/blk_3",
        ];
        foreach (var line in lines)
        {
            miner.Add(line);
        }

        var assignments = miner.Assignments();
        var byId = miner.Templates.ToDictionary(t => t.Id);
        Assert.Equal(lines.Length, assignments.Length);
        Assert.Equal(lines.Length, miner.Templates.Sum(t => t.Count));
        Assert.Equal("Deleting block <*> file <*>", byId[assignments[4]].Text);
        Assert.Equal(3, byId[assignments[0]].Count);
        Assert.Equal(lines[0], byId[assignments[0]].Examples[0]);
        Assert.Equal(miner.TemplateOf(1), assignments[1]);
    }

    [Fact]
    public void WrittenOutDatesAreOneVariable()
    {
        var miner = new TemplateMiner();
        miner.Add("connection from 1.2.3.4 () at Tue Jul 26 05:47:42 2005");
        miner.Add("connection from 5.6.7.8 () at Fri Jul  1 07:57:30 2005");

        Assert.Equal("connection from <*> () at <*>", Assert.Single(miner.Templates).Text);
    }

    [Fact]
    public void LinesThatStartWithDifferentHostsShareATemplate()
    {
        var miner = new TemplateMiner();
        miner.Add("proxy.example.edu:5070 open through proxy proxy.example.edu:5070 HTTPS");
        miner.Add("odr.mookie1.com:443 open through proxy proxy.example.edu:5070 HTTPS");
        miner.Add("203.205.146.15:80 open through proxy proxy.example.edu:5070 HTTPS");
        miner.Add("com.apple.icloud.heartbeat: told me to run this job in 439034 seconds");
        miner.Add("com.apple.Safari.Update: told me to run this job in 2450 seconds");
        miner.Add("com.apple.CacheDelete.daily: told me to run this job in 12119 seconds");

        Assert.Equal(2, miner.Templates.Count);
        Assert.Equal(miner.TemplateOf(0), miner.TemplateOf(2));
        Assert.Equal(miner.TemplateOf(3), miner.TemplateOf(5));
    }

    [Fact]
    public void DottedKeysAtTheStartStillNameTheEvent()
    {
        var miner = new TemplateMiner();
        miner.Add("mapred.tip.id is deprecated. Instead, use mapreduce.task.id");
        miner.Add("mapred.job.id is deprecated. Instead, use mapreduce.job.id");
        miner.Add("mapred.task.partition is deprecated. Instead, use mapreduce.task.partition");

        Assert.Equal(3, miner.Templates.Count);
    }

    [Fact]
    public void AListOfValuesAndOneValueAreOneVariable()
    {
        var miner = new TemplateMiner();
        miner.Add("10.11.10.1 \"GET /v2/servers/detail HTTP/1.1\" status: 200 len: 1893 time: 0.2477829");
        miner.Add("10.11.21.122,10.11.10.1 \"GET /openstack/meta_data.json HTTP/1.1\" status: 200 len: 264 time: 0.2451560");
        miner.Add("10.11.10.1 \"GET /v2/servers/detail HTTP/1.1\" status: 200 len: 1910 time: 0.2808621");
        miner.Add("login from rhost=10.0.0.1 accepted");
        miner.Add("login from 10.0.0.2 accepted");

        Assert.Equal(miner.TemplateOf(0), miner.TemplateOf(1));
        Assert.NotEqual(miner.TemplateOf(3), miner.TemplateOf(4));
    }

    [Fact]
    public void TwoDottedNamesAtOnePositionAreAVariableNotAnEnumeration()
    {
        var miner = new TemplateMiner();
        miner.Add("visible is system.call.count gt 0");
        miner.Add("visible is system.message.count gt 0");
        miner.Add("Successfully started service 'sparkExecutorActorSystem' on port 40984.");
        miner.Add("Successfully started service 'org.apache.spark.network.netty.NettyBlockTransferService' on port 36992.");

        Assert.Equal(miner.TemplateOf(0), miner.TemplateOf(1));
        Assert.NotEqual(miner.TemplateOf(2), miner.TemplateOf(3));
    }

    [Fact]
    public void ABracketedSizeAfterACountIsDropped()
    {
        var miner = new TemplateMiner();
        miner.Add("proxy.example.edu:5070 close, 403 bytes sent, 426 bytes received, lifetime 00:01");
        miner.Add("proxy.example.edu:5070 close, 451 bytes sent, 18846 bytes (18.4 KB) received, lifetime 00:02");
        miner.Add("proxy.example.edu:5070 close, 1190 bytes (1.16 KB) sent, 1671 bytes (1.63 KB) received, lifetime 00:02");

        Assert.Equal("proxy.example.edu:<*> close, <*> bytes sent, <*> bytes received, lifetime <*>:<*>", Assert.Single(miner.Templates).Text);
    }
}
