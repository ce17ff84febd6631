using Microsoft.Data.Sqlite;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Storage;

public sealed class RawStatementTests
{
    [Fact]
    public void ValuesKeepTheirStorageClassAndAnEmptyTextIsNotNull()
    {
        using var temp = new TempFolder();
        using var connection = new SqliteConnection($"Data Source={temp.File("raw.db")};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (a, b, c, d, e, f, g)";
            create.ExecuteNonQuery();
        }

        using (var insert = new RawStatement(connection, "INSERT INTO t VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)", 7))
        {
            Assert.Equal(1, insert.Run("", "é€😀", 7L, 8, 2.5, true, null));
            Assert.Equal(1, insert.Run(new string('x', 100_000), "b", 1L, 2, 0.5, false, "g"));
        }

        using var query = connection.CreateCommand();
        query.CommandText = "SELECT typeof(a), a, b, typeof(c), typeof(d), typeof(e), f, typeof(g), length(a) FROM t ORDER BY rowid";
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(["text", "", "é€😀", "integer", "integer", "real", 1L, "null"], Enumerable.Range(0, 8).Select(i => reader.GetValue(i)).ToArray());
        Assert.True(reader.Read());
        Assert.Equal(100_000L, reader.GetInt64(8));
        Assert.Equal(0L, reader.GetInt64(6));
    }

    [Fact]
    public void AParameterNamedTwiceIsBoundOnceAndChangesAreCounted()
    {
        using var temp = new TempFolder();
        using var connection = new SqliteConnection($"Data Source={temp.File("raw.db")};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id PRIMARY KEY, v); INSERT INTO t VALUES ('a', 1), ('b', 2);";
            create.ExecuteNonQuery();
        }

        using var update = new RawStatement(connection, "UPDATE t SET v = $p1 WHERE id = $p0 AND v IS NOT $p1", 2);

        Assert.Equal(1, update.Run("a", 5L));
        Assert.Equal(0, update.Run("a", 5L));
        Assert.Equal(0, update.Run("zzz", 5L));
    }

    [Fact]
    public void AConstraintViolationThrowsAndTheStatementRunsAgainAfterwards()
    {
        using var temp = new TempFolder();
        using var connection = new SqliteConnection($"Data Source={temp.File("raw.db")};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var insert = new RawStatement(connection, "INSERT INTO t VALUES ($p0)", 1);
        insert.Run("a");

        Assert.Throws<SqliteException>(() => insert.Run("a"));
        Assert.Throws<SqliteException>(() => insert.Run((object?)null));
        Assert.Equal(1, insert.Run("b"));
    }
}
