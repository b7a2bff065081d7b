#include "nazir/text/segment.h"
