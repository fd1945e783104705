/* placeholder: written by the quiz engine */
