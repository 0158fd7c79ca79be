using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Convoy;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using static Konvooi.Features.Convoy.ConvoyMaps;

namespace Konvooi.Features.Convoy;

/// <summary>Adds a person to the convoy map.</summary>
public static class AddConvoyMember
{
    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Vul een voornaam of een rol in, zoals ‘buurvrouw’.")]
        [StringLength(ConvoyValidator.MaxNameLength, ErrorMessage = "Gebruik een korte naam of rol (maximaal 60 tekens).")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Kies wie dit is voor de cliënt.")]
        public string? Relation { get; set; }

        [Required(ErrorMessage = "Kies in welke cirkel deze persoon staat.")]
        public string? Circle { get; set; }

        [Required(ErrorMessage = "Kies hoe vaak er contact is.")]
        public string? Frequency { get; set; }

        public List<string> Modes { get; set; } = [];

        public List<string> SupportReceived { get; set; } = [];

        public List<string> SupportGiven { get; set; } = [];

        /// <summary><c>yes</c>, <c>no</c> or empty (unknown).</summary>
        public string? WouldNotice { get; set; }

        public bool IsLightContact { get; set; }
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public Task<Outcome> HandleAsync(Guid personId, MemberInput input, int version, DateOnly? latestDate, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var member = new ConvoyMember("m" + Guid.NewGuid().ToString("N")[..12], input.Name?.Trim() ?? string.Empty)
            {
                Relation = input.Relation ?? string.Empty,
                Circle = input.Circle ?? string.Empty,
                Frequency = input.Frequency ?? string.Empty,
                Modes = input.Modes,
                SupportReceived = input.SupportReceived,
                SupportGiven = input.SupportGiven,
                WouldNotice = input.WouldNotice switch { "yes" => true, "no" => false, _ => null },
                IsLightContact = input.IsLightContact,
            };
            return EditAsync(db, audit, actor, time, personId, version, latestDate, members => [.. members, member], cancellationToken);
        }
    }
}
