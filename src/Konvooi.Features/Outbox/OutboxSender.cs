using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.Outbox;

/// <summary>The topics of the outbox; each has one <see cref="IOutboxTopic"/> that addresses and words its e-mails.</summary>
public static class OutboxTopics
{
    public const string DailyContact = "daily-contact";
    public const string SignalStatus = "signal-status";
}

/// <summary>Addresses and words the e-mails of one <see cref="OutboxTopics">topic</see>, free of personal data.</summary>
public interface IOutboxTopic
{
    string Topic { get; }

    /// <summary>The e-mail for <paramref name="message"/>; no recipients means it cannot be sent.</summary>
    Task<OutgoingEmail> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends the outbox: every due message is claimed (an atomic compare-and-set, so two app instances never send one
/// message twice), composed by its topic and handed to the mail server; a failure is retried after 1, 5, 15 and 60
/// minutes until <see cref="MailOptions.MaxSendAttempts"/>, then given up (it stays visible with its error).
/// The background job has no signed-in actor: its reads bypass the tenant filters on purpose and narrow the rows
/// themselves (on the reviewed allow-list in SchemaTests).
/// </summary>
public sealed partial class OutboxSender(
    KonvooiDbContext db,
    IMailer mailer,
    IEnumerable<IOutboxTopic> topics,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    public async Task<(int Sent, int Failed)> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var byTopic = topics.ToDictionary(t => t.Topic, StringComparer.Ordinal);
        var sent = 0;
        var failed = 0;
        var due = await db.Outbox.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.GaveUpAtUtc == null && m.NextAttemptUtc <= now)
            .OrderBy(m => m.CreatedAtUtc)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, now, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var message = await db.Outbox.IgnoreQueryFilters().SingleOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                continue;
            }

            message.Attempts++;
            try
            {
                if (!byTopic.TryGetValue(message.Topic, out var topic))
                {
                    throw new MailException($"Unknown outbox topic '{message.Topic}'.");
                }

                var email = await topic.ComposeAsync(message, cancellationToken).ConfigureAwait(false);
                if (email.To.Count == 0)
                {
                    throw new MailException("Er is geen e-mailadres bekend voor de ontvanger.");
                }

                await mailer.SendAsync(email, cancellationToken).ConfigureAwait(false);
                message.SentAtUtc = time.GetUtcNow().UtcDateTime;
                message.LastError = null;
                sent++;
                LogEmailSent(message.Topic, message.ActionKey);
            }
            catch (MailException ex)
            {
                failed++;
                message.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                if (message.Attempts >= options.Value.MaxSendAttempts)
                {
                    message.GaveUpAtUtc = now;
                }
                else
                {
                    message.NextAttemptUtc = now + Backoff[Math.Min(message.Attempts - 1, Backoff.Length - 1)];
                }

                LogEmailFailed(message.Topic, message.ActionKey, message.Attempts, ex.Message);
            }

            message.ClaimedUntilUtc = null;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        return (sent, failed);
    }

    /// <summary>Claims a message for sending; true when this instance won the claim.</summary>
    private async Task<bool> ClaimAsync(Guid messageId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var until = nowUtc + SendLease;
        var claimed = await db.Outbox.IgnoreQueryFilters()
            .Where(m => m.Id == messageId && m.SentAtUtc == null && m.GaveUpAtUtc == null && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < nowUtc))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken)
            .ConfigureAwait(false);
        return claimed == 1;
    }

    // Action keys hold references (slot reference, signal id), never names or addresses.
    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox e-mail {ActionKey} ({Topic}) sent")]
    private partial void LogEmailSent(string topic, string actionKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox e-mail {ActionKey} ({Topic}) failed (attempt {Attempts}): {Error}")]
    private partial void LogEmailFailed(string topic, string actionKey, int attempts, string error);
}
