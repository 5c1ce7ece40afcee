/* mfa-height-for-width-bin.c: a bin whose width never depends on its height,
 * for the content of a scrolled window, measured only as the scrolled
 * window needs
 *
 * When a GtkScrolledWindow is measured (for the window's size), it asks its
 * content — through GTK 4.8's GtkViewport, which drops the width it was
 * given — how tall it is without a width, and throws the answer away unless
 * it grows with its content (propagate-natural-height, or no vertical
 * scrollbar). Every wrapped label of the page then lays its text out once
 * more, at a width it never has: 35 of the start page's 146 Pango layouts
 * before its first frame. Put between the viewport and the page, this bin
 * answers that question only where the answer is used (as the scrolled
 * window is set up when the bin is measured: its policies are meant to be
 * set when the page is built). Asked for its width at some height, it gives
 * its width: the page's height depends on its width, not the other way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-height-for-width-bin"

#include "config.h"

#include "mfa-height-for-width-bin.h"

struct _MfaHeightForWidthBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (MfaHeightForWidthBin, mfa_height_for_width_bin, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the scrolled window around the bin uses its height when no width
 * is given (see above). */
static gboolean
height_without_width_used (MfaHeightForWidthBin *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkPolicyType vertical_policy;

  if (scroller == NULL)
    return TRUE;
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), NULL, &vertical_policy);
  return vertical_policy == GTK_POLICY_NEVER
         || gtk_scrolled_window_get_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller));
}

static GtkSizeRequestMode
get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural,
         int            *minimum_baseline,
         int            *natural_baseline)
{
  MfaHeightForWidthBin *self = MFA_HEIGHT_FOR_WIDTH_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0
      && !height_without_width_used (self))
    return;
  gtk_widget_measure (self->child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
size_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  MfaHeightForWidthBin *self = MFA_HEIGHT_FOR_WIDTH_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
mfa_height_for_width_bin_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  MfaHeightForWidthBin *self = MFA_HEIGHT_FOR_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_height_for_width_bin_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  MfaHeightForWidthBin *self = MFA_HEIGHT_FOR_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      mfa_height_for_width_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_height_for_width_bin_dispose (GObject *object)
{
  MfaHeightForWidthBin *self = MFA_HEIGHT_FOR_WIDTH_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (mfa_height_for_width_bin_parent_class)->dispose (object);
}

static void
mfa_height_for_width_bin_class_init (MfaHeightForWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mfa_height_for_width_bin_get_property;
  object_class->set_property = mfa_height_for_width_bin_set_property;
  object_class->dispose = mfa_height_for_width_bin_dispose;
  widget_class->get_request_mode = get_request_mode;
  widget_class->measure = measure;
  widget_class->size_allocate = size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mfa_height_for_width_bin_init (MfaHeightForWidthBin *self)
{
}

GtkWidget *
mfa_height_for_width_bin_get_child (MfaHeightForWidthBin *self)
{
  g_return_val_if_fail (MFA_IS_HEIGHT_FOR_WIDTH_BIN (self), NULL);

  return self->child;
}

void
mfa_height_for_width_bin_set_child (MfaHeightForWidthBin *self,
                                    GtkWidget            *child)
{
  g_return_if_fail (MFA_IS_HEIGHT_FOR_WIDTH_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
