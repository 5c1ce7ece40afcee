/* mfa-clock-page.h: the clock check as a page — is this computer's clock
 * right?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-check-page.h"

G_BEGIN_DECLS

#define MFA_TYPE_CLOCK_PAGE (mfa_clock_page_get_type ())

G_DECLARE_FINAL_TYPE (MfaClockPage, mfa_clock_page, MFA, CLOCK_PAGE,
                      MfaCheckPage)

G_END_DECLS
