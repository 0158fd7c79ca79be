namespace Konvooi.Domain.Access;

/// <summary>The roles a user can hold within one organisation (docs/permissions.md).</summary>
public enum Role
{
    Administrator,
    Coordinator,
    Professional,
    Volunteer,
    Analyst,
}
