#!/usr/bin/env Rscript
# Reference outputs of R 'survey' for the monitor's "any column" indicators and the finite population
# correction (--fpc), on survey's own example data 'api' (California Academic Performance Index):
#
#   apistrat: stratified by school type (stype), weights pw, fpc = stratum population size
#   apiclus1: one-stage cluster sample of school districts (dnum), weights pw, fpc = districts in the population
#
#   Rscript bench/reference/make_api_reference.R
#
# Run from the repository root. Writes api_strat.csv and api_clus1.csv (a subset of the columns; the
# column sch.wide is renamed sch_wide) and api_estimates.csv, api_contrasts.csv. Needs Debian packages
# r-base-core and r-cran-survey (R 4.2.2, survey 4.1-1 when these files were made). R is not a test
# dependency: the CSVs are committed.
suppressPackageStartupMessages(library(survey))
data(api)

dir <- "bench/reference"
keep <- c("cds", "stype", "dnum", "snum", "api00", "api99", "meals", "ell", "sch.wide", "awards", "pw", "fpc")
prep <- function(x) {
  x <- x[, keep]
  names(x)[names(x) == "sch.wide"] <- "sch_wide"
  x$stype <- as.character(x$stype)
  x$sch_wide <- as.character(x$sch_wide)
  x$awards <- as.character(x$awards)
  x
}
strat <- prep(apistrat)
clus1 <- prep(apiclus1)
write.csv(strat, file.path(dir, "api_strat.csv"), row.names = FALSE, na = "", quote = FALSE)
write.csv(clus1, file.path(dir, "api_clus1.csv"), row.names = FALSE, na = "", quote = FALSE)
# Estimate from the files as written (weights with 15 significant digits), as the tests read them.
strat <- read.csv(file.path(dir, "api_strat.csv"), stringsAsFactors = FALSE, colClasses = c(cds = "character"))
clus1 <- read.csv(file.path(dir, "api_clus1.csv"), stringsAsFactors = FALSE, colClasses = c(cds = "character"))

# Indicators: the mean of api00, the share with api00 >= 700, the share with awards == "Yes".
add <- function(x) {
  x$hi700 <- as.numeric(x$api00 >= 700)
  x$awarded <- as.numeric(x$awards == "Yes")
  x
}
strat <- add(strat)
clus1 <- add(clus1)
designs <- list(
  strat_fpc = function() svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat, fpc = ~fpc),
  strat_nofpc = function() svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat),
  clus1_fpc = function() svydesign(id = ~dnum, weights = ~pw, data = clus1, fpc = ~fpc),
  clus1_nofpc = function() svydesign(id = ~dnum, weights = ~pw, data = clus1)
)
indicators <- c(mean_api00 = "api00", hi700 = "hi700", awarded = "awarded")
f17 <- function(x) { x <- as.numeric(x); ifelse(is.na(x), "", sprintf("%.17g", x)) }

est_rows <- list()
con_rows <- list()
for (dname in names(designs)) {
  des <- designs[[dname]]()
  dat <- des$variables
  for (iname in names(indicators)) {
    v <- indicators[[iname]]
    f <- as.formula(paste0("~", v))
    prop <- v != "api00"
    # Overall.
    m <- svymean(f, des, deff = "replace")
    ci <- confint(m)
    ll <- lh <- NA_real_
    if (prop) {
      lc <- svyciprop(as.formula(paste0("~I(", v, " == 1)")), des, method = "logit")
      ll <- attr(lc, "ci")[1]
      lh <- attr(lc, "ci")[2]
    }
    est_rows[[length(est_rows) + 1]] <- data.frame(
      design = dname, table = "all", stype = "", indicator = iname,
      n = nrow(dat), sum_weight = f17(sum(weights(des))),
      estimate = f17(coef(m)), se = f17(SE(m)), ci_low = f17(ci[1, 1]), ci_high = f17(ci[1, 2]),
      deff = f17(deff(m)), logit_low = f17(ll), logit_high = f17(lh), stringsAsFactors = FALSE)
    # By school type.
    r <- svyby(f, ~stype, des, svymean, deff = "replace")
    ci <- confint(r)
    ll <- lh <- rep(NA_real_, nrow(r))
    if (prop) {
      lc <- svyby(as.formula(paste0("~I(", v, " == 1)")), ~stype, des, svyciprop, method = "logit", vartype = "ci")
      stopifnot(all(lc$stype == r$stype))
      ll <- lc$ci_l
      lh <- lc$ci_u
    }
    for (i in seq_len(nrow(r))) {
      s <- as.character(r$stype[i])
      inside <- dat$stype == s
      est_rows[[length(est_rows) + 1]] <- data.frame(
        design = dname, table = "stype", stype = s, indicator = iname,
        n = sum(inside), sum_weight = f17(sum(weights(des)[inside])),
        estimate = f17(coef(r)[i]), se = f17(SE(r)[i]), ci_low = f17(ci[i, 1]), ci_high = f17(ci[i, 2]),
        deff = f17(r[[paste0("DEff.", v)]][i]), logit_low = f17(ll[i]), logit_high = f17(lh[i]), stringsAsFactors = FALSE)
    }
    # Contrasts E vs H: difference and ratio, from svyby's covariance matrix.
    rc <- svyby(f, ~stype, des, svymean, covmat = TRUE)
    for (kind in c("difference", "ratio")) {
      expr <- if (kind == "difference") quote(E - H) else quote(E / H)
      sc <- svycontrast(rc, expr)
      null <- if (kind == "difference") 0 else 1
      z <- (coef(sc) - null) / SE(sc)
      con_rows[[length(con_rows) + 1]] <- data.frame(
        design = dname, indicator = iname, kind = kind, a = "E", b = "H",
        estimate = f17(coef(sc)), se = f17(SE(sc)), ci_low = f17(coef(sc) - qnorm(0.975) * SE(sc)),
        ci_high = f17(coef(sc) + qnorm(0.975) * SE(sc)), p_value = f17(2 * pnorm(-abs(z))), stringsAsFactors = FALSE)
    }
  }
}
est <- do.call(rbind, est_rows)
con <- do.call(rbind, con_rows)
write.csv(est, file.path(dir, "api_estimates.csv"), row.names = FALSE, quote = FALSE)
write.csv(con, file.path(dir, "api_contrasts.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(est), "estimates and", nrow(con), "contrasts with survey", as.character(packageVersion("survey")), "\n")
