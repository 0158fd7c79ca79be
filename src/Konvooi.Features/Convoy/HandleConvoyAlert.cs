using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Convoy;

/// <summary>
/// Marks a convoy alert (the closest circle shrank, JG-4) as handled, with the date and a short note of the contact.
/// </summary>
public static class HandleConvoyAlert
{
    public const int MaxNoteLength = 2000;

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid alertId, int expectedVersion, DateOnly? handledOn, string? note, CancellationToken cancellationToken)
        {
            var alert = await db.ConvoyAlerts.Where(a => a.Id == alertId && db.People.Any(p => p.Id == a.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (alert is null)
            {
                return new Outcome.NotFound();
            }

            if (alert.Version != expectedVersion || alert.HandledOn is not null)
            {
                return new Outcome.Conflict();
            }

            var problems = new List<FieldProblem>();
            if (handledOn is not { } on)
            {
                problems.Add(new FieldProblem("HandledOn", "Vul de datum in waarop u contact had."));
            }
            else if (on > DutchDate.Today(time))
            {
                problems.Add(new FieldProblem("HandledOn", "De datum mag niet in de toekomst liggen."));
            }

            if (string.IsNullOrWhiteSpace(note))
            {
                problems.Add(new FieldProblem("HandledNote", "Schrijf kort op wat u hebt besproken of afgesproken."));
            }
            else if (note.Trim().Length > MaxNoteLength)
            {
                problems.Add(new FieldProblem("HandledNote", $"Gebruik maximaal {MaxNoteLength} tekens."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            alert.HandledOn = handledOn;
            alert.HandledById = actor.UserId;
            alert.HandledNote = note!.Trim();
            alert.Version++;
            audit.Add(AuditActions.Update, nameof(ConvoyAlertRecord), alert.Id, alert.PersonId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Outcome.Conflict();
            }

            return new Outcome.Saved();
        }
    }
}
