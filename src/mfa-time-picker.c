/* mfa-time-picker.c: when the failing operation happened
 *
 * Support matches the ticket against their sign-in logs, so the time is
 * given with its zone: the user's own (by default this computer's) when it
 * was picked, and UTC always in the bundle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-time-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-time-picker.h"

#define ZONE_TABLE "/usr/share/zoneinfo/zone1970.tab"

struct _MfaTimePicker
{
  GtkBox          parent_instance;

  GtkCheckButton *picked_button;
  GtkBox         *picked_box;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkDropDown    *zone_dropdown;
};

G_DEFINE_FINAL_TYPE (MfaTimePicker, mfa_time_picker, GTK_TYPE_BOX)

static void
mode_changed (MfaTimePicker *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->picked_box),
                            gtk_check_button_get_active (self->picked_button));
}

static gboolean
pad_two_digits (GtkSpinButton *spin)
{
  g_autofree gchar *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const gchar *const *) a, *(const gchar *const *) b);
}

/* The IANA zones as tzdata lists them (third column), sorted, with UTC and
 * this computer's own zone even where the table lacks them. */
static GPtrArray *
read_zones (const gchar *local)
{
  g_autofree gchar *table = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *zones = g_ptr_array_new_with_free_func (g_free);

  if (g_file_get_contents (ZONE_TABLE, &table, NULL, NULL))
    lines = g_strsplit (table, "\n", -1);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 4);

      if (lines[i][0] != '#' && g_strv_length (fields) >= 3)
        g_ptr_array_add (zones, g_strdup (fields[2]));
    }
  g_ptr_array_add (zones, g_strdup ("UTC"));
  if (!g_ptr_array_find_with_equal_func (zones, local, g_str_equal, NULL))
    g_ptr_array_add (zones, g_strdup (local));
  g_ptr_array_sort (zones, compare_names);
  return zones;
}

static void
fill_zones (MfaTimePicker *self)
{
  g_autoptr(GTimeZone) here = g_time_zone_new_local ();
  const gchar *local = g_time_zone_get_identifier (here);
  g_autoptr(GPtrArray) zones = read_zones (local);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint position = 0;

  for (guint i = 0; i < zones->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (zones, i));
  g_ptr_array_find_with_equal_func (zones, local, g_str_equal, &position);
  gtk_drop_down_set_model (self->zone_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->zone_dropdown, position);
}

static void
mfa_time_picker_class_init (MfaTimePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
}

static void
mfa_time_picker_init (MfaTimePicker *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_zones (self);
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
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->zone_dropdown);
  const gchar *zone_id = item != NULL ? gtk_string_object_get_string (item) : "UTC";
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
