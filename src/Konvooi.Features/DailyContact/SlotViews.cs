using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// What the slot use cases share: the confirmation form, a slot as a contact sees it, and the outcome of confirming
/// or resolving a slot (a volunteer their own slots, a neighbour or family member through their personal link, a
/// coordinator for anyone).
/// </summary>
public static class SlotViews
{
    public sealed class ConfirmInput
    {
        [StringLength(SlotMachine.MaxNoteLength, ErrorMessage = "Houd de notitie kort: hoogstens 500 tekens.")]
        public string? Note { get; set; }

        public List<DifferenceSignal> Signals { get; set; } = [];
    }

    /// <summary>What a contact sees of one slot: never scores, health or network details.</summary>
    public sealed record ContactSlot(
        string Reference,
        DateOnly LocalDate,
        DateTime StartUtc,
        DateTime EndUtc,
        ContactForm Form,
        SlotStatus Status,
        bool IsAskedAsSecondContact,
        string FirstName,
        string? Address,
        string? Phone,
        IReadOnlyList<string> Topics,
        bool CanConfirm);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Confirmed(bool IsLate) : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Rejected(Error Error) : Outcome;

        public sealed record Resolved : Outcome;
    }
}
