using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Matching;

/// <summary>
/// Realistic, fictional people run through the starter catalogue: the top suggestions, what is ruled out
/// and the advice (rules: docs/matching.md). Profiles follow the thresholds of docs/profile.md.
/// </summary>
public sealed class PersonaTests
{
    [Fact]
    public void Widow82_AloneWithoutDailyContact_DailyContactMomentFirstAndLightOffersExcluded()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 82,
            LivesAlone = true,
            DailyContact = false,
            Djg11 = new Djg11Score(Emotional: 5, Social: 4), // total 9: severely lonely
            Course = "situational",
            Causes = ["partner_loss", "children_far_or_none", "health_decline"],
            Coping = "strengthen_existing_contacts",
            Preferences = new ProfilePreferences { Setting = "individual", Modes = ["home_visit", "in_person"] },
        });

        Assert.Equal("daily_contact_moment", result.TopIds(1)[0]);
        Assert.Contains("buddy", result.TopIds(4));
        Assert.Equal("severity_excludes_light", result.Exclusion("home_visit_75plus").Rule);
        Assert.Equal("severity_excludes_light", result.Exclusion("telephone_circle").Rule);
        Assert.Equal("target_group_fit", result.Exclusion("youth_peer_group").Rule);
        Assert.Contains("intensive_guidance", result.AdviceCodes());
    }

    [Fact]
    public void Student20_IdentityRelated_YouthOffersFirstAndOlderOffersExcluded()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 20,
            LivesAlone = true,
            DailyContact = true,
            Djg11 = new Djg11Score(Emotional: 2, Social: 4),
            Course = "situational",
            Causes = ["life_phase_identity", "moved"],
            Coping = "new_contacts",
            Preferences = new ProfilePreferences { Setting = "group" },
        });

        Assert.Equal("youth_peer_group", result.TopIds(1)[0]);
        Assert.Equal("target_group_fit", result.Exclusion("home_visit_75plus").Rule);
        Assert.Equal("target_group_fit", result.Exclusion("weekly_phone_call").Rule);
        Assert.False(result.IsSuggested("daily_contact_moment"));
        Assert.DoesNotContain("intensive_guidance", result.AdviceCodes());
    }

    [Fact]
    public void Man58_ChronicGlassWallWithPsychiatricDisability_BelongingOffersAndNoLightOnes()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 58,
            LivesAlone = true,
            DailyContact = true,
            Djg11 = new Djg11Score(Emotional: 5, Social: 3),
            Course = "chronic",
            Causes = ["feeling_different", "disability"],
            Coping = "look_inward",
            Flags = ["disability"],
        });

        Assert.Contains("disability_peer_group", result.TopIds(3));
        Assert.Contains(result.TopIds(3), id => id is "thought_pattern_training" or "talent_development");
        Assert.DoesNotContain(result.Suggestions, s => s.Intervention.Intensity == "light");
        Assert.Equal("severity_excludes_light", result.Exclusion("listening_line").Rule);
        Assert.Contains("intensive_guidance", result.AdviceCodes());
    }

    [Fact]
    public void Woman70_ManyContactsPoorMarriage_RelationshipCounsellingFirst()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 70,
            LivesAlone = false,
            DailyContact = true,
            Djg11 = new Djg11Score(Emotional: 4, Social: 0),
            Course = "situational",
            Causes = ["relationship_quality"],
            Coping = "strengthen_existing_contacts",
        });

        Assert.Equal("relationship_counselling", result.TopIds(1)[0]);
        Assert.False(result.IsSuggested("group_meeting_activity"));
        Assert.False(result.IsSuggested("daily_contact_moment"));
        Assert.Equal("target_group_fit", result.Exclusion("home_visit_75plus").Rule);
    }

    [Fact]
    public void OlderMoroccanMigrant_MoneyWorries_OwnLanguageGroupAndFinancialAdviceOnTop()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 68,
            LivesAlone = false,
            Djg11 = new Djg11Score(Emotional: 3, Social: 4),
            Causes = ["migration_language", "financial_worries"],
            Flags = ["older_migrant", "financial_worries"],
            Preferences = new ProfilePreferences { Language = "ar" },
        });

        Assert.Equal(["financial_advice", "migrant_peer_group"], result.TopIds(2).Order(StringComparer.Ordinal));
        Assert.Contains(result.Suggestion("migrant_peer_group").Reasons, r => r.Rule == "language_preference" && r.Points > 0);
    }

    [Fact]
    public void IsolatedButContent_NoLonelinessInterventionAndAdviceToRespectIt()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 77,
            LivesAlone = true,
            DailyContact = false,
            Djg11 = new Djg11Score(Emotional: 0, Social: 2),
            Flags = ["isolated_not_lonely"],
            Preferences = new ProfilePreferences { FewContactsWanted = true },
        });

        Assert.DoesNotContain(result.Suggestions, s => s.Intervention.IsLonelinessIntervention);
        Assert.Equal("isolated_content", result.Exclusion("daily_contact_moment").Rule);
        Assert.Equal("isolated_content", result.Exclusion("buddy").Rule);
        Assert.Contains("isolated_content", result.AdviceCodes());
        Assert.DoesNotContain("not_lonely", result.AdviceCodes());
    }

    [Fact]
    public void RecentBereavement_WatchfulWaitingAdviceAndGriefSupportFirst()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 74,
            LivesAlone = true,
            DailyContact = true,
            Djg11 = new Djg11Score(Emotional: 5, Social: 2),
            Course = "situational",
            Causes = ["partner_loss"],
            Flags = ["recent_bereavement"],
        });

        Assert.Equal("grief_support", result.TopIds(1)[0]);
        Assert.Contains("grief_group", result.TopIds(3));
        Assert.Equal("watchful_waiting", result.AdviceCodes()[0]);
    }

    [Fact]
    public void MeaningQuestionsNotLonely_MeaningConversationOnlyAndNoLonelinessOffers()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 79,
            Djg11 = new Djg11Score(Emotional: 1, Social: 1),
            Causes = ["health_decline"],
            Flags = ["meaning_not_contact"],
        });

        Assert.Equal("meaning_conversation", result.TopIds(1)[0]);
        Assert.Equal("not_lonely", result.Exclusion("buddy").Rule);
        Assert.Contains("meaning_support", result.AdviceCodes());
        Assert.Contains("not_lonely", result.AdviceCodes());
    }

    [Fact]
    public void MemoryConcerns_MemoryCafeAndReferralAdviceAndNoCourses()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 80,
            LivesAlone = false,
            Djg11 = new Djg11Score(Emotional: 3, Social: 3),
            Causes = ["cognitive_decline", "social_skills"],
            Flags = ["memory_concerns"],
        });

        Assert.Equal("memory_cafe", result.TopIds(1)[0]);
        Assert.Equal("contra_indication", result.Exclusion("friendship_course").Rule);
        Assert.Equal("contra_indication", result.Exclusion("social_skills_training").Rule);
        Assert.Contains("memory_referral", result.AdviceCodes());
    }

    [Fact]
    public void DroppedOutOfBuddyForMisfit_BuddyNeverReturnsAndFollowUpAdvised()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 68,
            LivesAlone = true,
            DailyContact = true,
            Djg11 = new Djg11Score(Emotional: 4, Social: 2),
            Causes = ["partner_loss", "moved"],
            DroppedOut = [new Dropout("buddy", "did_not_feel_at_home")],
        });

        Assert.Equal("misfit_dropout", result.Exclusion("buddy").Rule);
        // Rules version 2 (issue 16): the misfit_similar penalty is gone; same-type offers are excluded instead (RK-5).
        Assert.Equal("grief_support", result.TopIds(1)[0]);
        Assert.Contains("follow_up_dropout", result.AdviceCodes());
    }

    [Fact]
    public void RetiredWithLowResilience_MeaningfulRoleAndCreativeCommunityOnTop()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 66,
            LivesAlone = false,
            Djg11 = new Djg11Score(Emotional: 2, Social: 3),
            Course = "situational",
            Causes = ["retirement_or_job_loss", "lost_meaningful_role"],
            Coping = "distraction",
            Flags = ["low_resilience"],
        });

        Assert.Equal(["creative_community", "volunteering_role"], result.TopIds(2).Order(StringComparer.Ordinal));
        Assert.False(result.IsSuggested("grief_support"));
    }

    [Fact]
    public void Caregiver52_EmotionalLonelinessFromCaring_CaregiverSupportAndRelationshipCounsellingOnTop()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 52,
            LivesAlone = false,
            Djg11 = new Djg11Score(Emotional: 4, Social: 2),
            Causes = ["caregiving_burden", "relationship_quality"],
            Preferences = new ProfilePreferences { Setting = "individual" },
        });

        Assert.Equal(["caregiver_support", "relationship_counselling"], result.TopIds(2).Order(StringComparer.Ordinal));
        Assert.Equal("target_group_fit", result.Exclusion("home_visit_75plus").Rule);
    }

    [Fact]
    public void NothingKnownYet_NoSuggestionsAndAdviceToMeasureAndTalk()
    {
        var result = MatchAssert.Run(new Profile());

        Assert.Empty(result.Suggestions);
        Assert.Equal(["measure_loneliness", "explore_causes"], result.AdviceCodes());
    }

    [Fact]
    public void HousboundWithDigitalExclusion_HomeVisitAndDigitalSkillsButNoOnlineCourse()
    {
        var result = MatchAssert.Run(new Profile
        {
            Age = 76,
            LivesAlone = true,
            DailyContact = true,
            Djg11 = new Djg11Score(Emotional: 2, Social: 4),
            Causes = ["digital_exclusion", "health_decline"],
            Preferences = new ProfilePreferences { Modes = ["home_visit"] },
        });

        Assert.Equal("home_visit_75plus", result.TopIds(1)[0]);
        Assert.True(result.IsSuggested("digital_skills"));
        Assert.Equal("contra_indication", result.Exclusion("online_friendship_course").Rule);
    }
}
