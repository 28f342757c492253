print("sessions-vs-tokens: under construction")
