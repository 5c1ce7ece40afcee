/* code-private.h: the generator's layout, shared with the bulk HMAC code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <nettle/hmac.h>

#include "otp.h"

struct _MfaOtpGenerator
{
  MfaAlgorithm algorithm;
  union
  {
    struct hmac_sha1_ctx   sha1;
    struct hmac_sha256_ctx sha256;
    struct hmac_sha512_ctx sha512;
  } hmac;
};
