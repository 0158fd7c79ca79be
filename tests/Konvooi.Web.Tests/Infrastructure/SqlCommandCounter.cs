using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Konvooi.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs for requests that carry the <see cref="Header"/> header, per header value, so a
/// test counts one page's commands without the background jobs' (docs/start-page.md, "Queries per page").
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    public const string Header = "X-Test-Sql-Count";

    // HttpContextAccessor keeps the context in a static AsyncLocal: any instance sees the current request
    // once the app registers the accessor (the web factory does).
    private readonly HttpContextAccessor _accessor = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Commands of the marked request, except the audit entries it wrote.</summary>
    public int CountFor(string key) => _counts.GetValueOrDefault(key);

    /// <summary>
    /// Audit entries the marked request inserted: one per person shown on a list by design (each person's access
    /// history shows the list), so they grow with the rows on SQLite, which does not batch inserts.
    /// </summary>
    public int AuditInsertsFor(string key) => _counts.GetValueOrDefault(key + ":audit");

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        if (_accessor.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } key)
        {
            var audit = command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal);
            _counts.AddOrUpdate(audit ? key + ":audit" : key, 1, (_, n) => n + 1);
        }
    }
}
