using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Outloop.Storage;

/// <summary>
/// A statement prepared once on the connection's native handle and run many times with positional values, bound
/// by index. The import writes a few rows per source line; Microsoft.Data.Sqlite's command looked every parameter up
/// by name and built a data reader on each run, which cost more than SQLite's own work. Values are bound with the
/// storage class of their CLR type (text, integer, real or null), as Microsoft.Data.Sqlite binds them.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;
    private byte[] _utf8 = new byte[4096];

    public RawStatement(SqliteConnection connection, string sql, int parameterCount)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The store's connection is not open.");
        var rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        // A name used twice in the SQL ($p1 ... $p1) is one parameter: resolve each name to its index once.
        _indexes = new int[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Runs the statement with <paramref name="values"/> and returns the number of rows it changed.</summary>
    public int Run(params ReadOnlySpan<object?> values)
    {
        try
        {
            for (var i = 0; i < _indexes.Length; i++)
            {
                Bind(_indexes[i], values[i]);
            }

            var rc = raw.sqlite3_step(_statement);
            while (rc == raw.SQLITE_ROW)
            {
                rc = raw.sqlite3_step(_statement);
            }

            if (rc != raw.SQLITE_DONE)
            {
                raw.sqlite3_reset(_statement);
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(int index, object? value)
    {
        if (index == 0)
        {
            return; // the SQL does not use this position
        }

        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => BindText(index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            _ => throw new NotSupportedException($"A store value of type {value.GetType().Name} cannot be bound."),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private int BindText(int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span would be bound as a null pointer, that is as NULL; the string overload binds ''.
            return raw.sqlite3_bind_text(_statement, index, text);
        }

        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _utf8.Length)
        {
            var needed = Encoding.UTF8.GetByteCount(text);
            if (needed > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
            }
        }

        // SQLite copies the bytes (SQLITE_TRANSIENT), so one buffer serves every parameter.
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length));
    }
}
