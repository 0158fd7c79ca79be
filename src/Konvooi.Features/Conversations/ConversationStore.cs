using System.Text.Json;
using Konvooi.Domain.Conversations;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Conversations;

/// <summary>Reading stored conversation answers, shared by the conversation use cases and the profile builder.</summary>
public static class ConversationStore
{
    /// <summary>Every answer of every section, for the profile builder.</summary>
    public static async Task<ConversationAnswers> AllAnswersAsync(this KonvooiDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var rows = await db.ConversationSections.AsNoTracking().Where(c => c.PersonId == personId)
            .Select(c => c.AnswersJson).ToListAsync(cancellationToken).ConfigureAwait(false);
        var all = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var json in rows)
        {
            foreach (var (code, values) in Parse(json))
            {
                all[code] = values;
            }
        }

        return new ConversationAnswers(all);
    }

    internal static Task<string?> UserNameAsync(this KonvooiDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).SingleOrDefaultAsync(cancellationToken);

    internal static Dictionary<string, IReadOnlyList<string>> Parse(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? [])
            .ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);
}
