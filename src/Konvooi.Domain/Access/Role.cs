namespace Konvooi.Domain.Access;

/// <summary>The roles a user can hold within one organisation (docs/permissions.md).</summary>
public enum Role
{
    Administrator,
    Coordinator,
    Professional,
    Volunteer,
    Analyst,

    /// <summary>Signaleerder: a professional outside welfare (physiotherapist, district nurse, GP practice nurse…)
    /// who signals loneliness and hears back; opens no person records (RK-8).</summary>
    Signaller,
}
