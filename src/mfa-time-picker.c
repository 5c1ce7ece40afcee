/* mfa-time-picker.c: when the failing operation happened
 *
 * Support matches the ticket against their sign-in logs, so the time is
 * given with its zone: the user's own (by default this computer's) when it
 * was picked, and UTC always in the bundle. The zone is picked by its city
 * and country; the bundle records its IANA identifier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-time-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-accessible-names.h"
#include "mfa-time-picker.h"

#include "mfa-zone-names.h"

struct _MfaTimePicker
{
  GtkBox          parent_instance;

  GtkCheckButton *picked_button;
  GtkBox         *picked_box;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkDropDown    *zone_dropdown;

  GPtrArray      *zone_ids;  /* IANA identifiers, in the drop-down's order */
};

G_DEFINE_FINAL_TYPE (MfaTimePicker, mfa_time_picker, GTK_TYPE_BOX)

/* The calendar and the time only for a time in the past: "just now" needs
 * nothing more. */
static void
mode_changed (MfaTimePicker *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->picked_box),
                          gtk_check_button_get_active (self->picked_button));
}

static gboolean
pad_two_digits (GtkSpinButton *spin)
{
  g_autofree gchar *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The drop-down's button names the zone on one line, ellipsized at a narrow
 * width; its list shows whole names. */
static void
setup_zone_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean button = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (button)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_zone_label_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkStringObject *zone = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (zone));
}

static GtkListItemFactory *
zone_label_factory (gboolean button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_zone_label_cb), GINT_TO_POINTER (button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_zone_label_cb), NULL);
  return factory;
}

static void
zone_changed (MfaTimePicker *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->zone_dropdown);

  /* The button may cut the name short: its tooltip has it whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->zone_dropdown),
                               item != NULL ? gtk_string_object_get_string (item) : NULL);
}

/* Zones by their city and country, searchable by either; this computer's
 * zone chosen. */
static void
fill_zones (MfaTimePicker *self)
{
  g_autoptr(GTimeZone) here = g_time_zone_new_local ();
  const gchar *local = g_time_zone_get_identifier (here);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = zone_label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = zone_label_factory (FALSE);
  g_autoptr(GPtrArray) names = NULL;
  guint position = 0;

  self->zone_ids = mfa_zone_list (local, &names);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (model, names->pdata[i]);
  if (!g_ptr_array_find_with_equal_func (self->zone_ids, local, g_str_equal, &position))
    g_ptr_array_find_with_equal_func (self->zone_ids, "UTC", g_str_equal, &position);
  gtk_drop_down_set_factory (self->zone_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->zone_dropdown, list_factory);
  gtk_drop_down_set_model (self->zone_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->zone_dropdown, position);
}

static void
mfa_time_picker_finalize (GObject *object)
{
  MfaTimePicker *self = MFA_TIME_PICKER (object);

  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (mfa_time_picker_parent_class)->finalize (object);
}

static void
mfa_time_picker_class_init (MfaTimePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mfa_time_picker_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-time-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaTimePicker, picked_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTimePicker, picked_box);
  gtk_widget_class_bind_template_child (widget_class, MfaTimePicker, calendar);
  gtk_widget_class_bind_template_child (widget_class, MfaTimePicker, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, MfaTimePicker, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, MfaTimePicker, zone_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, pad_two_digits);
  gtk_widget_class_bind_template_callback (widget_class, zone_changed);
}

static void
mfa_time_picker_init (MfaTimePicker *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_zones (self);
  zone_changed (self);
  mfa_accessible_name_calendar (self->calendar);
  mfa_accessible_name_drop_down (self->zone_dropdown, _("Time Zone"));
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (now));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (now));
}

void
mfa_time_picker_get_time (MfaTimePicker  *self,
                          gint64          now_usec,
                          gint64         *time_usec,
                          gchar         **zone,
                          gboolean       *given)
{
  guint selected = gtk_drop_down_get_selected (self->zone_dropdown);
  const gchar *zone_id = selected < self->zone_ids->len ? self->zone_ids->pdata[selected] : "UTC";
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone_id);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) picked = NULL;

  g_return_if_fail (MFA_IS_TIME_PICKER (self));

  *given = gtk_check_button_get_active (self->picked_button);
  *zone = g_strdup (tz != NULL ? zone_id : "UTC");
  if (!*given)
    {
      *time_usec = now_usec;
      return;
    }
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  picked = g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                            g_date_time_get_day_of_month (day),
                            gtk_spin_button_get_value_as_int (self->hour_spin),
                            gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  *time_usec = g_date_time_to_unix (picked) * G_USEC_PER_SEC;
}
