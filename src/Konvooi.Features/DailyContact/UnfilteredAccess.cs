using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>A volunteer's view of the person in a slot: first name, address or phone — nothing more.</summary>
public sealed record SlotPersonCard(Guid PersonId, string FirstName, string? Address, string? Phone);

/// <summary>
/// The only reads of the daily contact slice that bypass the tenant query filters (on the reviewed allow-list in
/// SchemaTests), each for a reason the filters cannot express:
/// <list type="bullet">
/// <item>the background job acts for every organisation and has no signed-in actor;</item>
/// <item>a neighbour's personal link has no account, only a token, which is looked up by its hash;</item>
/// <item>a volunteer may not open person records, yet needs the first name and address of the people in their own slots;</item>
/// <item>an analyst may not open person records, yet the coverage report counts them (aggregated, small cells suppressed).</item>
/// </list>
/// Every method narrows the rows itself; callers never get an unfiltered <see cref="IQueryable{T}"/>.
/// </summary>
public sealed class UnfilteredAccess(KonvooiDbContext db)
{
    public Task<List<DailyContactArrangement>> ArrangementsRunningAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.DailyContactArrangements.IgnoreQueryFilters()
            .Where(a => a.StartDate <= to && (a.EndDate == null || a.EndDate >= from))
            .ToListAsync(cancellationToken);

    public Task<List<string>> SlotReferencesAsync(Guid arrangementId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.DailyContactSlots.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ArrangementId == arrangementId && s.LocalDate >= from && s.LocalDate <= to)
            .Select(s => s.Reference)
            .ToListAsync(cancellationToken);

    public Task<List<DailyContactSlot>> OpenSlotsStartedAsync(DateTime nowUtc, CancellationToken cancellationToken) =>
        db.DailyContactSlots.IgnoreQueryFilters()
            .Where(s => !s.IsClosed && s.StartUtc <= nowUtc)
            .OrderBy(s => s.StartUtc)
            .ToListAsync(cancellationToken);

    public Task<DailyContactSlot?> SlotAsync(Guid slotId, CancellationToken cancellationToken) =>
        db.DailyContactSlots.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken);

    public Task<List<string>> CoordinatorEmailsAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Role == Role.Coordinator && m.User!.Email != null)
            .Select(m => m.User!.Email!)
            .ToListAsync(cancellationToken);

    public Task<string?> UserEmailAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ContactDetails>> ContactsOfAsync(Guid arrangementId, CancellationToken cancellationToken)
    {
        var row = await db.DailyContactArrangements.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == arrangementId, cancellationToken).ConfigureAwait(false);
        return row is null ? [] : DailyContactStore.ReadContacts(row);
    }

    public Task<Guid?> ArrangementOfSlotAsync(string reference, CancellationToken cancellationToken) =>
        db.DailyContactSlots.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Reference == reference).Select(s => (Guid?)s.ArrangementId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Whether the contact belongs to an arrangement of the organisation that has not ended on <paramref name="today"/>.</summary>
    public async Task<bool> IsActiveContactAsync(Guid organisationId, Guid contactId, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.DailyContactArrangements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && (a.EndDate == null || a.EndDate >= today))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Any(r => DailyContactStore.ReadArrangement(r).Contacts.Any(c => c.Id == contactId));
    }

    /// <summary>Revokes a link whose contact left every running arrangement (a personal link has no actor to filter by).</summary>
    public Task RevokeTokenAsync(Guid tokenId, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.DailyContactTokens.IgnoreQueryFilters()
            .Where(t => t.Id == tokenId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAtUtc, nowUtc), cancellationToken);

    public Task<DailyContactToken?> TokenByHashAsync(string hash, CancellationToken cancellationToken) =>
        db.DailyContactTokens.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);

    /// <summary>The slots of one contact (through a valid personal link) within the token's organisation.</summary>
    public Task<List<DailyContactSlot>> SlotsOfContactAsync(Guid organisationId, Guid contactId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        db.DailyContactSlots.IgnoreQueryFilters()
            .Where(s => s.OrganisationId == organisationId
                && (s.ContactId == contactId || (s.SecondContactId == contactId && s.LastStep >= 2))
                && s.EndUtc >= fromUtc && s.StartUtc <= toUtc)
            .OrderBy(s => s.StartUtc)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The card of each person in <paramref name="slots"/>: only people the caller already reached through their
    /// own (filtered or token-checked) slots.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, SlotPersonCard>> PersonCardsAsync(IEnumerable<DailyContactSlot> slots, CancellationToken cancellationToken)
    {
        var ids = slots.Select(s => s.PersonId).Distinct().ToList();
        var people = await db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.Street, p.HouseNumber, p.PostalCode, p.City, p.Phone })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return people.ToDictionary(
            p => p.Id,
            p => new SlotPersonCard(
                p.Id,
                p.FirstName,
                string.Join(", ", new[] { string.Join(' ', new[] { p.Street, p.HouseNumber }.Where(x => !string.IsNullOrWhiteSpace(x))), string.Join(' ', new[] { p.PostalCode, p.City }.Where(x => !string.IsNullOrWhiteSpace(x))) }.Where(x => x.Length > 0)) is { Length: > 0 } address ? address : null,
                p.Phone));
    }

    /// <summary>The agreed topics of the arrangements behind <paramref name="slots"/>.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> TopicsAsync(IEnumerable<DailyContactSlot> slots, CancellationToken cancellationToken)
    {
        var ids = slots.Select(s => s.ArrangementId).Distinct().ToList();
        var rows = await db.DailyContactArrangements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Id, r => DailyContactStore.ReadArrangement(r).Topics);
    }

    /// <summary>
    /// What the coverage report counts for one organisation: per person only the wijk and the latest matching
    /// profile, the arrangements and the slot states in the range. Never names; the caller aggregates.
    /// </summary>
    public async Task<(List<CoveragePerson> People, List<Arrangement> Arrangements, List<SlotState> States)> CoverageInputsAsync(
        Guid organisationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var people = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.OrganisationId == organisationId)
            .Select(p => new { p.Id, p.Wijk }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var snapshots = await db.ProfileSnapshots.IgnoreQueryFilters().AsNoTracking().Where(s => s.OrganisationId == organisationId)
            .OrderBy(s => s.CreatedAtUtc).Select(s => new { s.PersonId, s.MatchingProfileJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = new Dictionary<Guid, string>();
        foreach (var snapshot in snapshots)
        {
            latest[snapshot.PersonId] = snapshot.MatchingProfileJson;
        }

        var coveragePeople = people.Select(p => latest.TryGetValue(p.Id, out var json) && ProfileJson.Read(json) is ReadResult<Profile>.Success read
                ? CoveragePerson.FromProfile(p.Id, p.Wijk, read.Value)
                : new CoveragePerson(p.Id, p.Wijk, false))
            .ToList();
        var arrangements = (await db.DailyContactArrangements.IgnoreQueryFilters().AsNoTracking().Where(a => a.OrganisationId == organisationId)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(DailyContactStore.ReadArrangement).ToList();
        var states = (await db.DailyContactSlots.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.LocalDate >= from && s.LocalDate <= to)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(DailyContactStore.ReadState).ToList();
        return (coveragePeople, arrangements, states);
    }
}
