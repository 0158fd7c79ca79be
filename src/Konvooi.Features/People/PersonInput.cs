using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Common;
using Konvooi.Features.Data;

namespace Konvooi.Features.People;

/// <summary>The person form, as posted by the browser. Messages are Dutch (B1) and shown beside the field.</summary>
public sealed class PersonInput
{
    [Required(ErrorMessage = "Vul de voornaam in.")]
    [StringLength(100, ErrorMessage = "De voornaam is te lang (maximaal 100 tekens).")]
    [Display(Name = "Voornaam")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Vul de achternaam in.")]
    [StringLength(100, ErrorMessage = "De achternaam is te lang (maximaal 100 tekens).")]
    [Display(Name = "Achternaam")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Vul de geboortedatum in.")]
    [PlausibleBirthDate]
    [Display(Name = "Geboortedatum")]
    public DateOnly? DateOfBirth { get; set; }

    [StringLength(200, ErrorMessage = "De straat is te lang.")]
    [Display(Name = "Straat")]
    public string? Street { get; set; }

    [StringLength(20, ErrorMessage = "Het huisnummer is te lang.")]
    [Display(Name = "Huisnummer")]
    public string? HouseNumber { get; set; }

    [RegularExpression(@"^\s*[1-9][0-9]{3}\s?[A-Za-z]{2}\s*$", ErrorMessage = "Vul een postcode in zoals 1234 AB.")]
    [Display(Name = "Postcode")]
    public string? PostalCode { get; set; }

    [StringLength(100, ErrorMessage = "De plaats is te lang.")]
    [Display(Name = "Plaats")]
    public string? City { get; set; }

    [StringLength(100, ErrorMessage = "De naam van de wijk is te lang.")]
    [Display(Name = "Wijk")]
    public string? Wijk { get; set; }

    [RegularExpression(@"^\s*\+?[0-9][0-9 \-]{5,18}[0-9]\s*$", ErrorMessage = "Vul een telefoonnummer in met alleen cijfers, zoals 06 12345678.")]
    [Display(Name = "Telefoonnummer")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Kies de woonsituatie.")]
    [Display(Name = "Woonsituatie")]
    public LivingSituation? LivingSituation { get; set; }

    [StringLength(100, ErrorMessage = "Dit antwoord is te lang.")]
    [Display(Name = "Migratieachtergrond (niet verplicht)")]
    public string? MigrationBackground { get; set; }

    [StringLength(50, ErrorMessage = "Dit antwoord is te lang.")]
    [Display(Name = "Voorkeurstaal")]
    public string? PreferredLanguage { get; set; }

    [Display(Name = "Verantwoordelijke medewerker")]
    public Guid? ResponsibleProfessionalId { get; set; }

    /// <summary>The version the form was loaded with; a different stored version means someone else saved in between.</summary>
    public int Version { get; set; }

    public static PersonInput From(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PersonInput
        {
            FirstName = person.FirstName,
            LastName = person.LastName,
            DateOfBirth = person.DateOfBirth,
            Street = person.Street,
            HouseNumber = person.HouseNumber,
            PostalCode = person.PostalCode,
            City = person.City,
            Wijk = person.Wijk,
            Phone = person.Phone,
            LivingSituation = person.LivingSituation,
            MigrationBackground = person.MigrationBackground,
            PreferredLanguage = person.PreferredLanguage,
            ResponsibleProfessionalId = person.ResponsibleProfessionalId,
            Version = person.Version,
        };
    }

    internal void ApplyTo(Person person)
    {
        person.FirstName = Clean(FirstName)!;
        person.LastName = Clean(LastName)!;
        person.SearchName = $"{person.FirstName} {person.LastName}".ToLowerInvariant();
        person.DateOfBirth = DateOfBirth!.Value;
        person.Street = Clean(Street);
        person.HouseNumber = Clean(HouseNumber);
        person.PostalCode = NormalisePostalCode(PostalCode);
        person.City = Clean(City);
        person.Wijk = Clean(Wijk);
        person.Phone = Clean(Phone);
        person.LivingSituation = LivingSituation!.Value;
        person.MigrationBackground = Clean(MigrationBackground);
        person.PreferredLanguage = Clean(PreferredLanguage);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? NormalisePostalCode(string? value)
    {
        var cleaned = Clean(value)?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return cleaned is null ? null : $"{cleaned[..4]} {cleaned[4..]}";
    }
}

/// <summary>A birth date that is not in the future and not before 1900.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlausibleBirthDateAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var members = validationContext.MemberName is { } name ? new[] { name } : null;
        return value switch
        {
            DateOnly born when born > DutchDate.Today(validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System) =>
                new ValidationResult("De geboortedatum kan niet in de toekomst liggen.", members),
            DateOnly born when born.Year < 1900 =>
                new ValidationResult("Controleer het jaar van de geboortedatum.", members),
            _ => ValidationResult.Success,
        };
    }
}
