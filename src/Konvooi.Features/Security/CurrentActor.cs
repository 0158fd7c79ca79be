using Konvooi.Domain.Access;

namespace Konvooi.Features.Security;

/// <summary>
/// Who is acting in this scope (a web request or a CLI command). The database context reads it for
/// its global query filters, so person data is scoped to the actor's organisation and role without
/// any handler having to remember it. An unset actor sees no person data at all.
/// </summary>
public sealed class CurrentActor
{
    public Guid? UserId { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public Role? Role { get; private set; }

    public bool IsSet => UserId is not null && OrganisationId is not null && Role is not null;

    public bool CanOpenPersonRecords => Role is { } r && Permissions.CanOpenPersonRecords(r);

    public bool SeesAllPeopleOfOrganisation => Role is { } r && Permissions.SeesAllPeopleOfOrganisation(r);

    public void Set(Guid userId, Guid organisationId, Role role)
    {
        UserId = userId;
        OrganisationId = organisationId;
        Role = role;
    }

    public bool Has(Func<Role, bool> permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return Role is { } r && permission(r);
    }
}
