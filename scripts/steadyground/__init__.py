"""steadyground"""
