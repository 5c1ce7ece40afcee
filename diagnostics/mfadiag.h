/* mfadiag.h: the diagnostics library, free of GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "base32.h"
#include "bundle/bundle.h"
#include "bundle/bundle-diagnosis.h"
#include "bundle/bundle-reader.h"
#include "bundle/bundle-upload.h"
#include "bundle/bundle-writer.h"
#include "clock/clock-check.h"
#include "clock/http-time.h"
#include "clock/sntp-packet.h"
#include "clock/time-settings.h"
#include "code-check.h"
#include "duplicates.h"
#include "importers/importer.h"
#include "key-input.h"
#include "flows/flow.h"
#include "flows/flow-run.h"
#include "flows/flow-validate.h"
#include "flows/po-catalog.h"
#include "mfa-error.h"
#include "mfa-format.h"
#include "mfa-secret.h"
#include "otp.h"
#include "otp-bulk/otp-bulk.h"
#include "otpauth-uri.h"
#include "phone-clock.h"
#include "qr/qr-image.h"
#include "qr/qr-key.h"
