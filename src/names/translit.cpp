#include "nazir/names/translit.h"
