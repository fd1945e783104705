"""help_lines"""
