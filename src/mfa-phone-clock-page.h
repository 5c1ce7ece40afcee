/* mfa-phone-clock-page.h: the phone clock check as a page — how far off is
 * the clock of the phone that makes the codes?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-check-page.h"

G_BEGIN_DECLS

#define MFA_TYPE_PHONE_CLOCK_PAGE (mfa_phone_clock_page_get_type ())

G_DECLARE_FINAL_TYPE (MfaPhoneClockPage, mfa_phone_clock_page, MFA, PHONE_CLOCK_PAGE,
                      MfaCheckPage)

G_END_DECLS
