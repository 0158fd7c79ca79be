using System.Globalization;
using System.Text;

namespace Konvooi.Domain.Referrals;

/// <summary>What the duplicate check compares of a person: the name with the date of birth, or with the address.</summary>
public sealed record PersonKey(string Name, DateOnly? DateOfBirth, string? Address, string? Postcode);

/// <summary>
/// Before an accepted signal becomes a new person record, the coordinator is shown the organisation's records that
/// may be the same person: the same name and date of birth, or, when the signal gave only an age, the same name and
/// address (postcode and street/number). Names and addresses are compared without case, accents or punctuation.
/// </summary>
public static class DuplicateCheck
{
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static bool MayBeSamePerson(PersonKey signal, PersonKey existing)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(existing);
        if (Normalise(signal.Name) != Normalise(existing.Name) || Normalise(signal.Name).Length == 0)
        {
            return false;
        }

        if (signal.DateOfBirth is { } born)
        {
            return existing.DateOfBirth == born;
        }

        var address = AddressKey(signal);
        return address.Length > 0 && address == AddressKey(existing);
    }

    /// <summary>Lower case, accents removed, letters and digits only, single spaces.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    private static string AddressKey(PersonKey key)
    {
        var street = Normalise(key.Address);
        var postcode = Postcodes.Normalise(key.Postcode) ?? string.Empty;
        return street.Length == 0 ? string.Empty : $"{postcode}|{street}";
    }
}
