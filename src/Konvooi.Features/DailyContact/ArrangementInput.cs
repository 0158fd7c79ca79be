using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.DailyContact;

namespace Konvooi.Features.DailyContact;

/// <summary>The arrangement form as posted (no JavaScript: a fixed number of contact rows).</summary>
public sealed class ArrangementInput
{
    public const int ContactRows = 3;

    public List<DayOfWeek> Days { get; set; } = [];

    [Required(ErrorMessage = "Vul in hoe laat het contactmoment begint.")]
    public TimeOnly? WindowStart { get; set; }

    [Required(ErrorMessage = "Vul in hoe laat het contactmoment eindigt.")]
    public TimeOnly? WindowEnd { get; set; }

    [Required(ErrorMessage = "Kies of het een bezoek aan de deur of een telefoontje is.")]
    public ContactForm? Form { get; set; }

    [Required(ErrorMessage = "Vul de startdatum in.")]
    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    [StringLength(1000, ErrorMessage = "Houd de onderwerpen kort (hoogstens 1000 tekens).")]
    public string? Topics { get; set; }

    [Range(0, 720, ErrorMessage = "Kies een aantal minuten tussen 0 en 720.")]
    public int RetryAfterMinutes { get; set; } = 30;

    [Range(1, 720, ErrorMessage = "Kies een aantal minuten tussen 1 en 720.")]
    public int SecondContactAfterMinutes { get; set; } = 60;

    [Range(1, 720, ErrorMessage = "Kies een aantal minuten tussen 1 en 720.")]
    public int CoordinatorAfterMinutes { get; set; } = 120;

    public DateOnly? ConsentGivenOn { get; set; }

    [StringLength(500, ErrorMessage = "Houd de voorkeuren kort (hoogstens 500 tekens).")]
    public string? ContactPreferences { get; set; }

    public DateOnly? PauseFrom { get; set; }

    public DateOnly? PauseTo { get; set; }

    public PauseReason? PauseReason { get; set; }

    public List<ContactInput> Contacts { get; set; } = [];

    public IReadOnlyList<string> TopicList() =>
        (Topics ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public void PadContacts()
    {
        while (Contacts.Count < ContactRows)
        {
            Contacts.Add(new ContactInput());
        }
    }
}

public sealed class ContactInput
{
    /// <summary>Kept across edits so confirmations and links stay with the same contact.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>Empty: this row is not used.</summary>
    public ContactRole? Role { get; set; }

    /// <summary>For a volunteer: their account.</summary>
    public Guid? VolunteerUserId { get; set; }

    [StringLength(60, ErrorMessage = "Gebruik alleen de voornaam (hoogstens 60 tekens).")]
    public string? FirstName { get; set; }

    [EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in.")]
    [StringLength(200, ErrorMessage = "Het e-mailadres is te lang.")]
    public string? Email { get; set; }

    public RotaPosition Position { get; set; } = RotaPosition.Main;

    public List<DayOfWeek> Days { get; set; } = [];

    public bool IsSecondContact { get; set; }

    public bool IsKeyHolder { get; set; }

    /// <summary>The coordinator may call this contact when the person cannot be reached (escalation ladder).</summary>
    public bool MayBeCalled { get; set; }
}
