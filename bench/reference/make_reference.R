#!/usr/bin/env Rscript
# Reference outputs of R 'survey' for the monitor engine's tests (tests/Konvooi.Domain.Tests/Statistics).
#
#   Rscript bench/reference/make_reference.R --make-data   # (re)write design_small.csv (deterministic)
#   Rscript bench/reference/make_reference.R               # write estimates.csv and contrasts.csv
#
# Run from the repository root. Needs Debian packages r-base-core and r-cran-survey
# (R 4.2.2, survey 4.1.1 when these files were made). R is not a test dependency: the CSVs are committed.
suppressPackageStartupMessages(library(survey))

dir <- "bench/reference"
data_file <- file.path(dir, "design_small.csv")

if ("--make-data" %in% commandArgs(trailingOnly = TRUE)) {
  set.seed(20261128)
  # Six strata; S4 has a single PSU (a "lonely" PSU). PSU numbers repeat across strata (nest = TRUE).
  npsu <- c(S1 = 4, S2 = 3, S3 = 5, S4 = 1, S5 = 2, S6 = 6)
  rows <- list()
  id <- 0
  for (s in names(npsu)) {
    for (p in seq_len(npsu[[s]])) {
      n <- sample(5:25, 1)
      effect <- rnorm(1, 0, 0.6)
      grp <- if (s == "S4") sample(c("A", "B"), n, replace = TRUE) else sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
      sex <- sample(c("f", "m"), n, replace = TRUE)
      lp <- -0.4 + effect + ifelse(grp == "B", 0.5, 0) + ifelse(grp == "C", -0.3, 0) + ifelse(sex == "f", 0.2, 0)
      y <- rbinom(n, 1, plogis(lp))
      m <- pmin(11, rpois(n, exp(1 + 0.3 * effect + ifelse(grp == "B", 0.3, 0))))
      y[runif(n) < 0.08] <- NA
      m[runif(n) < 0.05] <- NA
      if (s == "S2") y[grp == "C"] <- NA   # a domain with rows but no values in one stratum
      rows[[length(rows) + 1]] <- data.frame(
        id = id + seq_len(n), stratum = s, psu = p, weight = round(runif(n, 0.3, 3), 4),
        grp = grp, sex = sex, y = y, m = m)
      id <- id + n
    }
  }
  d <- do.call(rbind, rows)
  write.csv(d, data_file, row.names = FALSE, na = "", quote = FALSE)
  cat("wrote", data_file, nrow(d), "rows\n")
  quit(save = "no")
}

d <- read.csv(data_file, na.strings = "", stringsAsFactors = FALSE)
# Variants without a lonely PSU: S4 merged into S5 (stratum2); a globally unique PSU id (psu2).
d$stratum2 <- ifelse(d$stratum == "S4", "S5", d$stratum)
d$psu2 <- paste(d$stratum, d$psu, sep = ":")

designs <- list(
  strat_clus_lonely = function() svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d),
  strat_clus = function() svydesign(ids = ~psu, strata = ~stratum2, weights = ~weight, nest = TRUE, data = d),
  clus = function() svydesign(ids = ~psu2, weights = ~weight, data = d),
  strat = function() svydesign(ids = ~1, strata = ~stratum2, weights = ~weight, data = d),
  srs = function() svydesign(ids = ~1, weights = ~weight, data = d)
)
runs <- list(
  list(variant = "strat_clus_lonely", lonely = "remove"),
  list(variant = "strat_clus_lonely", lonely = "certainty"),
  list(variant = "strat_clus_lonely", lonely = "adjust"),
  list(variant = "strat_clus_lonely", lonely = "average"),
  list(variant = "strat_clus", lonely = "fail"),
  list(variant = "clus", lonely = "fail"),
  list(variant = "strat", lonely = "fail"),
  list(variant = "srs", lonely = "fail")
)
tables <- list(grp = ~grp, "grp+sex" = ~grp + sex)
f17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

est_rows <- list()
con_rows <- list()
for (run in runs) {
  options(survey.lonely.psu = run$lonely)
  des <- designs[[run$variant]]()
  for (tname in names(tables)) {
    by <- tables[[tname]]
    for (ind in c("y", "m")) {
      f <- as.formula(paste0("~", ind))
      r <- svyby(f, by, des, svymean, na.rm = TRUE, deff = "replace")
      ci <- confint(r)
      keys <- r[, all.vars(by), drop = FALSE]
      logit_low <- logit_high <- rep(NA_real_, nrow(r))
      if (ind == "y") {
        lc <- svyby(f, by, des, svyciprop, method = "logit", vartype = "ci", na.rm = TRUE)
        stopifnot(all(lc[, all.vars(by)] == keys))
        logit_low <- lc$ci_l
        logit_high <- lc$ci_u
      }
      ok <- !is.na(d[[ind]])
      cnt <- aggregate(cbind(n = 1, sum_weight = d$weight[ok]) ~ ., data = d[ok, all.vars(by), drop = FALSE], FUN = sum)
      key <- do.call(paste, c(keys, sep = "|"))
      ckey <- do.call(paste, c(cnt[, all.vars(by), drop = FALSE], sep = "|"))
      est_rows[[length(est_rows) + 1]] <- data.frame(
        variant = run$variant, lonely = run$lonely, table = tname,
        grp = keys$grp, sex = if ("sex" %in% names(keys)) keys$sex else "",
        indicator = ind,
        n = cnt$n[match(key, ckey)], sum_weight = f17(cnt$sum_weight[match(key, ckey)]),
        estimate = f17(coef(r)), se = f17(SE(r)), ci_low = f17(ci[, 1]), ci_high = f17(ci[, 2]),
        deff = f17(r[[paste0("DEff.", ind)]]), logit_low = f17(logit_low), logit_high = f17(logit_high),
        stringsAsFactors = FALSE)

      # Contrasts use the covariance matrix of svyby over the design restricted to respondents with a value.
      dv <- subset(des, !is.na(d[[ind]]))
      rc <- svyby(f, by, dv, svymean, covmat = TRUE)
      nm <- names(coef(rc))
      pairs <- if (tname == "grp") list(c("A", "B", ""), c("A", "C", "")) else list(c("A", "B", "f"), c("A", "B", "m"))
      for (pr in pairs) {
        a <- if (tname == "grp") pr[1] else paste(pr[1], pr[3], sep = ".")
        b <- if (tname == "grp") pr[2] else paste(pr[2], pr[3], sep = ".")
        for (kind in c("difference", "ratio")) {
          expr <- if (kind == "difference") bquote(.(as.name(a)) - .(as.name(b))) else bquote(.(as.name(a)) / .(as.name(b)))
          sc <- svycontrast(rc, expr)
          con_rows[[length(con_rows) + 1]] <- data.frame(
            variant = run$variant, lonely = run$lonely, table = tname, a = pr[1], b = pr[2], sex = pr[3],
            indicator = ind, kind = kind, estimate = f17(coef(sc)), se = f17(SE(sc)), stringsAsFactors = FALSE)
        }
      }
    }
  }
}
est <- do.call(rbind, est_rows)
con <- do.call(rbind, con_rows)
write.csv(est, file.path(dir, "estimates.csv"), row.names = FALSE, quote = FALSE)
write.csv(con, file.path(dir, "contrasts.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(est), "estimates and", nrow(con), "contrasts with survey", as.character(packageVersion("survey")), "\n")
