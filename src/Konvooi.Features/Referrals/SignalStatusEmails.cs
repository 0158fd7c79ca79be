using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Konvooi.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The e-mail to the sender of a signal or referral when the status they may see changes (contact made, plan
/// agreed, no support wanted, not reachable). It goes through the outbox and carries a link only: no name, no
/// status, nothing clinical. Only when the person agreed that the sender hears back.
/// </summary>
public static class SignalStatusEmails
{
    /// <summary>Queues the e-mail when the sender's status moved from <paramref name="before"/>; the caller saves.</summary>
    public static void QueueIfChanged(KonvooiDbContext db, SignalRecord signal, SignallerStatus before, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(signal);
        var after = Intake.StatusForSignaller(SignalScope.ItemOf(signal), signal.MayHearBack);
        if (!signal.MayHearBack || after == before || after == SignallerStatus.Received)
        {
            return;
        }

        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            ActionKey = $"signal/{signal.Id:N}/{after}",
            Topic = OutboxTopics.SignalStatus,
            OrganisationId = signal.SourceOrganisationId,
            Subject = signal.Id.ToString("D"),
            Reason = after.ToString(),
            RecipientUserId = signal.SubmittedById,
            CreatedAtUtc = now,
            NextAttemptUtc = now,
        });
    }

    /// <summary>The sender's status of a stored signal, before a change is applied.</summary>
    public static SignallerStatus StatusOf(SignalRecord signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return Intake.StatusForSignaller(SignalScope.ItemOf(signal), signal.MayHearBack);
    }

    /// <summary>The Dutch text: a link to the sender's own list (signallers) or the person's referrals (referrers).</summary>
    public static OutgoingEmail Compose(IReadOnlyList<string> to, SignalSource source, Guid? sourcePersonId, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var referral = source == SignalSource.Referral && sourcePersonId is not null;
        var link = baseUrl.TrimEnd('/') + (referral ? $"/People/{sourcePersonId:D}/Referrals" : "/Signals/Mine");
        var what = referral ? "verwijzing" : "melding";
        var body = $"Er is nieuws over een {what} die u heeft gedaan.\n\nBekijk de stand van zaken in Konvooi (na inloggen): {link}\n\nDit bericht bevat met opzet geen namen of andere gegevens over de persoon.\n";
        return new OutgoingEmail(to, $"Konvooi: nieuws over uw {what}", body);
    }
}

/// <summary>Addresses the status e-mail to the sender's account.</summary>
public sealed class SignalStatusOutboxTopic(KonvooiDbContext db, IOptions<MailOptions> mail) : IOutboxTopic
{
    public string Topic => OutboxTopics.SignalStatus;

    public async Task<OutgoingEmail> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The sending job has no actor: these two reads pass the filters on purpose and take one row each.
        var signalId = Guid.Parse(message.Subject);
        var signal = await db.Signals.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == signalId)
            .Select(s => new { s.Source, s.SourcePersonId })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var email = message.RecipientUserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        return SignalStatusEmails.Compose(email is { Length: > 0 } ? [email] : [], signal.Source, signal.SourcePersonId, mail.Value.BaseUrl);
    }
}
